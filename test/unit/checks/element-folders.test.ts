import { describe, expect, it } from "vitest";
import { checkElementFolders } from "../../../src/checks/elements/check-element-folders.ts";
import type { SourcePage } from "../../../src/content/source-page.ts";

/** An element page with the given front matter; each key sits on its own line, in order, from line 2. */
function elementPage(file: string, data: Record<string, unknown>): SourcePage {
  const keyLines = Object.fromEntries(Object.keys(data).map((key, i) => [key, i + 2]));
  return {
    file: `docs/elements/acme/${file}`,
    absPath: `/site/docs/elements/acme/${file}`,
    data,
    body: "",
    keyLines,
    url: `/docs/elements/acme/${file.replace(".md", ".html")}`,
    outputPath: `docs/elements/acme/${file.replace(".md", ".html")}`,
    elementFolder: "acme",
  };
}

const facts = { heading: "Acme", elementId: 9, elementKey: "acme", hub: "crm" };
const summary = (pages: SourcePage[]) => checkElementFolders(pages).map((d) => [d.file.split("/").pop(), d.line, d.severity, d.code]);

describe("checkElementFolders", () => {
  it("accepts pages that agree, where they state a fact at all", () => {
    expect(
      summary([
        elementPage("index.md", { ...facts, order: 1 }),
        elementPage("events.md", { heading: "Acme", hdOrcrm: "crm", order: 2 }),
        elementPage("ceql.md", { heading: "Acme", order: 3 }),
      ]),
    ).toEqual([]);
  });

  it("reports the page that disagrees with the rest, at the key's line", () => {
    const found = checkElementFolders([
      elementPage("index.md", { ...facts, order: 1 }),
      elementPage("bulk.md", { ...facts, order: 2 }),
      elementPage("events.md", { ...facts, elementKey: "acmee", order: 3 }),
    ]);
    expect(found).toEqual([
      expect.objectContaining({
        file: "docs/elements/acme/events.md",
        line: 4,
        code: "element-mismatch",
        message: 'elementKey "acmee" differs from "acme" on bulk.md, index.md of the same element',
      }),
    ]);
  });

  it("treats hub and hdOrcrm as one fact, and heading and elementId like elementKey", () => {
    expect(
      summary([
        elementPage("index.md", { ...facts, order: 1 }),
        elementPage("events.md", { heading: "ACME", elementId: 10, hdOrcrm: "helpdesk", order: 2 }),
      ]),
    ).toEqual([
      ["events.md", 2, "error", "element-mismatch"],
      ["events.md", 3, "error", "element-mismatch"],
      ["events.md", 4, "error", "element-mismatch"],
    ]);
  });

  it("reports each page that reuses another page's order", () => {
    const found = checkElementFolders([
      elementPage("index.md", { ...facts, order: 1 }),
      elementPage("events.md", { ...facts, order: 30 }),
      elementPage("bulk.md", { ...facts, order: 30 }),
    ]);
    expect(found).toEqual([
      expect.objectContaining({ file: "docs/elements/acme/events.md", line: 6, code: "element-duplicate-order", message: expect.stringContaining("order 30 is also the order of bulk.md") }),
    ]);
  });

  it("warns about an element folder without index.md", () => {
    expect(summary([elementPage("events.md", { ...facts, order: 2 }), elementPage("bulk.md", { ...facts, order: 3 })])).toEqual([
      ["bulk.md", undefined, "warning", "element-missing-index"],
    ]);
  });
});
