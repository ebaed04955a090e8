// Hubs as the legacy portal's writers wrote them: CRM, crm (as hdOrcrm), Help Desk, helpdesk, Marketing,
// scheduling, and two elements with none; the fixture has no _data/hubs.yml.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkSite } from "../../../src/checks/check-site.ts";
import { buildSite, type SiteBuild } from "../../../src/build/build-site.ts";
import { copyTree, writeFiles } from "../../support/fixture-tree.ts";
import { HtmlPage, textOf } from "../../support/html-page.ts";
import { runCli } from "../../support/run-cli.ts";

const FIXTURE = path.resolve(import.meta.dirname, "../../fixtures/legacy-portal");
const HUB_CODES = new Set(["front-matter-hub", "element-mismatch"]);

let build: SiteBuild;
const output = (outputPath: string) => build.outputs.find((o) => o.outputPath === outputPath)?.html ?? "";

beforeAll(async () => {
  build = await buildSite({ sourceDir: copyTree(FIXTURE), cacheDir: false });
  checkSite(build);
});

describe("the legacy portal's hubs", () => {
  it("fold six spellings into four hubs with slug ids and readable names", () => {
    const hubs = Object.fromEntries([...build.model!.elements.values()].map((e) => [e.folder, e.hub && `${e.hub} ${e.hubName}`]));
    expect(hubs).toEqual({
      "brightline-crm": "crm CRM",
      "quill-crm": "crm CRM",
      "harbor-desk": "help-desk Help Desk",
      "juniper-helpdesk": "help-desk Help Desk",
      "marigold-mail": "marketing Marketing",
      "tally-clock": "scheduling Scheduling",
      "ostrich-files": null,
      "pinecone-docs": null,
    });
  });

  it("are not reported as problems", () => {
    expect(build.diagnostics.items.filter((d) => HUB_CODES.has(d.code))).toEqual([]);
  });

  it("group the catalog by hub, the two elements without one under Other", () => {
    const catalog = new HtmlPage(output("docs/elements.html"));
    const sections = catalog.all("section.catalog__section").map((section) => {
      const id = section.attribs["data-section"];
      return [id, catalog.all(`section[data-section="${id}"] .card__title`).map(textOf).join(", ")];
    });
    expect(sections).toEqual([
      ["hub-crm", "Brightline CRM, Quill CRM"],
      ["hub-help-desk", "Harbor Desk, Juniper Helpdesk"],
      ["hub-marketing", "Marigold Mail"],
      ["hub-scheduling", "Tally Clock"],
      ["hub-other", "Ostrich Files, Pinecone Docs"],
    ]);
    expect(catalog.texts("section.catalog__section h2")).toEqual(["CRM 2", "Help Desk 2", "Marketing 1", "Scheduling 1", "Other 2"]);
    expect(catalog.text(".catalog__summary")).toBe("8 elements in 4 hubs.");
    expect(catalog.all("#catalog-hub option").map((o) => o.attribs.value)).toEqual(["", "crm", "help-desk", "marketing", "scheduling", "other"]);
  });

  it("lead each element's breadcrumb to its hub's section of the catalog", () => {
    const harbor = build.model!.elements.get("harbor-desk")!;
    expect(harbor.hubLink).toEqual({ name: "Help Desk", url: "/docs/elements.html#hub-help-desk" });
    expect(new HtmlPage(output("docs/elements.html")).ids()).toContain("hub-help-desk");
  });
});

describe("the legacy portal with a _data/hubs.yml", () => {
  it("matches its spellings on key and name, and reports a hub that matches none at its line, with did-you-mean", async () => {
    const tree = copyTree(FIXTURE);
    writeFiles(tree, {
      "_data/hubs.yml": "- key: crm\n  name: CRM\n- key: helpdesk\n  name: Help Desk\n- key: marketing\n  name: Marketing\n- key: scheduling\n  name: Scheduling\n",
    });
    const juniper = path.join(tree, "docs/elements/juniper-helpdesk/index.md");
    fs.writeFileSync(juniper, fs.readFileSync(juniper, "utf8").replace("hub: helpdesk", "hub: Hepldesk"));

    const result = await runCli("check.ts", ["--source", tree]);
    expect(result.code).toBe(1);
    // `check` reports on stderr, as build does (only --format json writes stdout).
    const hubLines = result.stderr.split("\n").filter((line) => line.includes("front-matter-hub"));
    expect(hubLines).toEqual([
      'docs/elements/juniper-helpdesk/index.md:11: error front-matter-hub: hub "Hepldesk" is not a hub of _data/hubs.yml: did you mean "helpdesk" (Help Desk)?',
    ]);
    expect(result.stderr).toContain("hint: Write a hub's key or name; case, spaces and punctuation do not matter. Hubs: crm (CRM), helpdesk (Help Desk), marketing (Marketing), scheduling (Scheduling).");
  });
});
