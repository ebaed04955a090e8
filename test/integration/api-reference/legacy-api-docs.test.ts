// Point 4 of issue 13: the old portal's API-docs pages (`{% include swagger.html %}` alone) show the element's
// API reference when the element has an OpenAPI document, in the page's language, and take the overview's place.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, type SiteBuild } from "../../../src/build/build-site.ts";
import { copyTree, writeFiles } from "../../support/fixture-tree.ts";
import { HtmlPage } from "../../support/html-page.ts";

const LEGACY_PORTAL = path.resolve(import.meta.dirname, "../../fixtures/legacy-portal");
const SPEC = fs.readFileSync(path.resolve(import.meta.dirname, "../../fixtures/openapi/every-construct.yaml"), "utf8");
const ENGLISH = "docs/elements/quill-crm/api-docs.html";
const KOREAN = "docs/elements/quill-crm/ko/api-docs.html";

let site: SiteBuild;
const page = (outputPath: string) => new HtmlPage(site.outputs.find((o) => o.outputPath === outputPath)?.html ?? "");

beforeAll(async () => {
  const tree = copyTree(LEGACY_PORTAL);
  writeFiles(tree, {
    "docs/elements/quill-crm/openapi.yaml": SPEC,
    // The Korean words of the reference (the portal's own _data/i18n, if any, is replaced for the test).
    "_data/i18n/ko.yml": "reference:\n  parameters: 매개변수\n  schemas: 스키마\n  operations: 작업\n",
  });
  // The portal's ko/ folders are Korean pages once the site lists the language.
  fs.appendFileSync(path.join(tree, "_config.yml"), "\nlanguages: [en, ko]\n");
  site = await buildSite({ sourceDir: tree, workers: 0, cacheDir: false });
});

describe("an old API-docs page of an element with an OpenAPI document", () => {
  it("shows the reference's overview instead of the notice, and is the overview: no api-reference.html is made", () => {
    const english = page(ENGLISH);
    expect(english.html).not.toContain("is not part of this site yet");
    for (const id of ["servers", "operations", "schemas", "schema-order", "tag-orders"]) expect(english.ids()).toContain(id);
    expect(site.outputs.some((o) => o.outputPath === "docs/elements/quill-crm/api-reference.html")).toBe(false);
  });

  it("is followed in the sidebar by the tag pages, whose schema links lead back to it", () => {
    const english = page(ENGLISH);
    const titles = english.texts("nav.guide__nav a");
    expect(titles.slice(-3)).toEqual(["API Docs", "Orders", "Shipping"]);
    expect(english.all("nav.guide__nav ol ol a").map((a) => a.attribs.href)).toEqual([
      "/docs/elements/quill-crm/api-reference/orders.html",
      "/docs/elements/quill-crm/api-reference/shipping.html",
    ]);
    const orders = page("docs/elements/quill-crm/api-reference/orders.html");
    const line = orders.all(".api-type a").find((a) => a.attribs.href.endsWith("#schema-line"));
    expect(line?.attribs.href).toBe("/docs/elements/quill-crm/api-docs.html#schema-line");
  });

  it("speaks the page's language on the Korean page", () => {
    const korean = page(KOREAN);
    expect(korean.html).not.toContain("is not part of this site yet");
    expect(korean.texts("article h2")).toEqual(expect.arrayContaining(["작업", "스키마"]));
    expect(korean.ids()).toContain("schema-order");
  });

  it("is no longer counted among the pages that only show the notice", () => {
    const report = site.diagnostics.items.find((d) => d.code === "legacy-swagger-page");
    expect(report?.message).not.toContain("quill-crm");
  });
});
