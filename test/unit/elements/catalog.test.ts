import { describe, expect, it } from "vitest";
import type { SourcePage } from "../../../src/content/source-page.ts";
import { buildCatalog } from "../../../src/elements/catalog.ts";
import { buildElements } from "../../../src/elements/element-model.ts";

/** The Overview of one element folder, as loadPages makes it. */
function overview(folder: string, heading: string, hub?: string): SourcePage {
  const file = `docs/elements/${folder}/index.md`;
  return {
    file,
    absPath: `/site/${file}`,
    data: { heading, title: "Overview", layout: "sidebarelementdoc", ...(hub ? { hub } : {}) },
    body: "",
    url: `/${file.replace(/\.md$/, ".html")}`,
    outputPath: file.replace(/\.md$/, ".html"),
    keyLines: {},
    elementFolder: folder,
  };
}

const catalogOf = (pages: SourcePage[]) => buildCatalog(buildElements(pages, undefined));

describe("the catalog", () => {
  it("is grouped by hub when at least half of the elements have one, Other last", () => {
    const catalog = catalogOf([overview("a", "Zeta", "crm"), overview("b", "Alpha", "CRM"), overview("c", "Beta")]);
    expect(catalog.groupedBy).toBe("hub");
    expect(catalog.sections.map((s) => [s.id, s.name, s.elements.map((e) => e.name)])).toEqual([
      ["hub-crm", "CRM", ["Alpha", "Zeta"]],
      ["hub-other", "Other", ["Beta"]],
    ]);
    expect(catalog.hubCount).toBe(1);
    expect(catalog.hubs.map((h) => [h.key, h.url])).toEqual([
      ["crm", "/docs/elements.html#hub-crm"],
      ["other", "/docs/elements.html#hub-other"],
    ]);
  });

  it("is A–Z by initial when fewer than half of the elements have a hub, hubs staying on the cards and in the filter", () => {
    const names = ["Quill", "Ostrich", "Émile", "apple", "Pinecone", "3D Prints", "Orca", "Brightline"];
    const pages = names.map((name, i) => overview(`e${i}`, name, name === "Quill" ? "Help Desk" : name === "Orca" ? "helpdesk" : undefined));
    const catalog = catalogOf(pages);
    expect(catalog.groupedBy).toBe("letter");
    expect(catalog.sections.map((s) => [s.id, s.name, s.elements.map((e) => e.name)])).toEqual([
      ["letter-other", "#", ["3D Prints"]],
      ["letter-a", "A", ["apple"]],
      ["letter-b", "B", ["Brightline"]],
      ["letter-e", "E", ["Émile"]],
      ["letter-o", "O", ["Orca", "Ostrich"]],
      ["letter-p", "P", ["Pinecone"]],
      ["letter-q", "Q", ["Quill"]],
    ]);
    expect(catalog.sections.find((s) => s.name === "Q")!.elements[0]).toMatchObject({ hub: "help-desk", hubName: "Help Desk" });
    expect(catalog.hubs.map((h) => [h.key, h.name, h.url, h.elements.length])).toEqual([
      ["help-desk", "Help Desk", "/docs/elements.html?hub=help-desk", 2],
    ]);
  });

  it("gives each element's breadcrumb a hub step that exists in that catalog", () => {
    const byHub = buildElements([overview("a", "A", "CRM"), overview("b", "B")], undefined);
    expect(byHub.get("a")!.hubLink).toEqual({ name: "CRM", url: "/docs/elements.html#hub-crm" });
    expect(byHub.get("b")!.hubLink).toEqual({ name: "Other", url: "/docs/elements.html#hub-other" });
    const az = buildElements([overview("a", "A", "CRM"), overview("b", "B"), overview("c", "C")], undefined);
    expect(az.get("a")!.hubLink).toEqual({ name: "CRM", url: "/docs/elements.html?hub=crm" });
    expect(az.get("b")!.hubLink).toBeNull();
  });

  it("uses the key and name of _data/hubs.yml for a hub written either way", () => {
    const elements = buildElements([overview("a", "A", "Help Desk"), overview("b", "B", "HELPDESK")], [{ key: "helpdesk", name: "Help Desk" }]);
    expect([...elements.values()].map((e) => [e.hub, e.hubName])).toEqual([
      ["helpdesk", "Help Desk"],
      ["helpdesk", "Help Desk"],
    ]);
  });
});
