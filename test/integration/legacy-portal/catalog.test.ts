// The catalog of trees laid out like the legacy portal: generated when the tree has none, A–Z when few elements
// name a hub, and hub ids in elements.json that are slugs.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkSite } from "../../../src/checks/check-site.ts";
import { buildSite } from "../../../src/build/build-site.ts";
import { elementsJsonSchema } from "../../../src/schema/elements-json.ts";
import { copyTree, writeFiles } from "../../support/fixture-tree.ts";
import { HtmlPage, textOf } from "../../support/html-page.ts";
import { runCli, type CliResult } from "../../support/run-cli.ts";

const FIXTURE = path.resolve(import.meta.dirname, "../../fixtures/legacy-portal");

/** Ten element Overviews, two of them with a hub (written two ways), and no docs/elements.md. */
const ELEMENTS: [folder: string, name: string, hub?: string][] = [
  ["acme-billing", "Acme Billing"],
  ["brightline-crm", "Brightline CRM", "CRM"],
  ["cobalt-files", "Cobalt Files"],
  ["delta-mail", "Delta Mail"],
  ["ember-chat", "Ember Chat"],
  ["falcon-docs", "Falcon Docs"],
  ["ostrich-files", "Ostrich Files"],
  ["orca-sign", "Orca Sign"],
  ["quill-crm", "Quill CRM", "crm"],
  ["tally-clock", "Tally Clock"],
];

function elementTree(): string {
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-az-"));
  const files: Record<string, string> = {};
  ELEMENTS.forEach(([folder, name, hub], i) => {
    files[`docs/elements/${folder}/index.md`] = [
      "---",
      `heading: ${name}`,
      "title: Overview",
      "layout: sidebarelementdoc",
      "breadcrumbs: /docs/elements.html",
      "parent: Back to Element Guides",
      `elementId: ${100 + i}`,
      `elementKey: ${folder.replace(/-/g, "")}`,
      ...(hub ? [`hub: ${hub}`] : []),
      "order: 1",
      "---",
      `# ${name}`,
      "",
      `Connect ${name}.`,
      "",
    ].join("\n");
  });
  writeFiles(tree, files);
  return tree;
}

describe("a tree without docs/elements.md where 2 of 10 elements have a hub", () => {
  let out: string;
  let result: CliResult;
  const page = (rel: string) => HtmlPage.read(out, rel);

  beforeAll(async () => {
    const tree = elementTree();
    out = path.join(tree, "_site");
    result = await runCli("build.ts", ["--source", tree, "--out", out]);
  });

  it("builds without a problem: no broken link to the catalog, no broken anchor", () => {
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("gets a generated catalog listing every element, which the header of every page links to", () => {
    const catalog = page("docs/elements.html");
    expect(catalog.text("h1")).toBe("Element Guides");
    expect(catalog.texts(".card__title").sort()).toEqual(ELEMENTS.map(([, name]) => name).sort());
    for (const rel of ["index.html", "docs/elements/acme-billing/index.html"]) {
      expect(page(rel).all('.site-header a[href="/docs/elements.html"]').map(textOf), rel).toEqual(["Catalog"]);
    }
  });

  it("lists them A–Z: a section per initial with a jump link, no Other", () => {
    const catalog = page("docs/elements.html");
    expect(catalog.text(".catalog__summary")).toBe("10 elements, A to Z.");
    const letters = ["A", "B", "C", "D", "E", "F", "O", "Q", "T"];
    expect(catalog.texts("section.catalog__section h2").map((t) => t.split(" ")[0])).toEqual(letters);
    expect(catalog.all(".catalog__nav a").map((a) => [textOf(a), a.attribs.href])).toEqual(letters.map((l) => [l, `#letter-${l.toLowerCase()}`]));
    expect(catalog.all('section[data-section="letter-o"] .card__title').map(textOf)).toEqual(["Orca Sign", "Ostrich Files"]);
    expect(catalog.ids().has("hub-other")).toBe(false);
  });

  it("shows the hub on the two cards that have one, and offers it as a filter", () => {
    const catalog = page("docs/elements.html");
    const hubbed = catalog.all(".card").filter((card) => card.attribs["data-hub"] !== "");
    expect(hubbed.map((card) => card.attribs["data-hub"])).toEqual(["crm", "crm"]);
    expect(catalog.texts(".card__hub")).toEqual(["CRM", "CRM"]);
    expect(catalog.all("#catalog-hub option").map((o) => [o.attribs.value, textOf(o)])).toEqual([
      ["", "All hubs"],
      ["crm", "CRM (2)"],
    ]);
  });

  it("gives breadcrumbs a hub step only where the element has a hub, leading to the filtered catalog", () => {
    const crumbs = (rel: string) => page(rel).all("nav.breadcrumbs li a").map((a) => [textOf(a), a.attribs.href]);
    expect(crumbs("docs/elements/acme-billing/index.html")).toEqual([
      ["Element Guides", "/docs/elements.html"],
      ["Acme Billing", "/docs/elements/acme-billing/index.html"],
    ]);
    expect(crumbs("docs/elements/quill-crm/index.html")[1]).toEqual(["CRM", "/docs/elements.html?hub=crm"]);
  });

  it("has a home page that browses the same letters", () => {
    const home = page("index.html");
    expect(home.text("#home-letters")).toBe("Browse A to Z");
    expect(home.all(".hub-card")).toHaveLength(0);
    expect(home.all(".hub-list a").map((a) => a.attribs.href)[0]).toBe("/docs/elements.html#letter-a");
  });
});

describe("a tree whose catalog moved elsewhere, keeping its old address as a redirect", () => {
  it("gets no second catalog, and no collision", async () => {
    const tree = elementTree();
    writeFiles(tree, {
      "docs/catalog.md": "---\ntitle: All elements\nlayout: sidebarelementtile\nredirect_from: /docs/elements.html\n---\n# All elements\n",
    });
    const out = path.join(tree, "_site");
    const result = await runCli("build.ts", ["--source", tree, "--out", out]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(HtmlPage.read(out, "docs/elements.html").html).toContain('http-equiv="refresh"');
    expect(HtmlPage.read(out, "docs/catalog.html").texts(".card__title")).toHaveLength(ELEMENTS.length);
  });
});

describe("the legacy portal without its docs/elements.md", () => {
  it("gets a catalog with every element, so no page's link to it is broken", async () => {
    const tree = copyTree(FIXTURE);
    fs.rmSync(path.join(tree, "docs/elements.md"));
    const build = await buildSite({ sourceDir: tree, cacheDir: false });
    checkSite(build);
    const catalog = new HtmlPage(build.outputs.find((o) => o.outputPath === "docs/elements.html")!.html);
    expect(catalog.all(".card")).toHaveLength(8);
    expect(build.diagnostics.items.filter((d) => d.message.includes("/docs/elements.html"))).toEqual([]);
  });
});

describe("elements.json of the legacy portal", () => {
  it("gives each element its hub id, a slug", async () => {
    const build = await buildSite({ sourceDir: copyTree(FIXTURE), cacheDir: false });
    const json = elementsJsonSchema.parse(JSON.parse(build.outputs.find((o) => o.outputPath === "elements.json")!.html));
    expect(Object.fromEntries(json.elements.map((e) => [e.folder, e.hub]))).toEqual({
      "brightline-crm": "crm",
      "harbor-desk": "help-desk",
      "juniper-helpdesk": "help-desk",
      "marigold-mail": "marketing",
      "ostrich-files": null,
      "pinecone-docs": null,
      "quill-crm": "crm",
      "tally-clock": "scheduling",
    });
  });
});
