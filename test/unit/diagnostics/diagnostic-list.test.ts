import { describe, expect, it } from "vitest";
import { DiagnosticList, type Diagnostic } from "../../../src/diagnostics/diagnostic.ts";

const layoutError: Diagnostic = {
  file: "_layouts/base.liquid",
  line: 18,
  column: 3,
  severity: "error",
  code: "liquid-include",
  message: 'Include "social-meta.html" not found',
};

const includeLink: Diagnostic = {
  file: "_includes/shared.md",
  line: 4,
  column: 9,
  severity: "error",
  code: "link-broken",
  message: 'Broken link "gone.html"',
};

describe("DiagnosticList", () => {
  it("keeps one copy of a problem that every page using a layout runs into", () => {
    const list = new DiagnosticList();
    for (let i = 0; i < 40; i++) list.add({ ...layoutError });
    expect(list.items).toHaveLength(1);
    expect(list.errorCount).toBe(1);
  });

  it("keeps problems that differ in place, code, message or hint", () => {
    const list = new DiagnosticList();
    list.add(layoutError);
    list.add({ ...layoutError, line: 19 });
    list.add({ ...layoutError, column: 4 });
    list.add({ ...layoutError, code: "liquid-syntax" });
    list.add({ ...layoutError, message: "Other" });
    list.add({ ...layoutError, hint: "Did you mean page.title?" });
    expect(list.items).toHaveLength(6);
  });

  it("makes one entry of a problem in an include that several pages use, listing each page's chain in order", () => {
    const list = new DiagnosticList();
    for (const page of ["docs/c.md:5", "docs/a.md:2", "docs/b.md:7", "docs/a.md:2"]) list.add({ ...includeLink, chain: [page, "_includes/outer.md:3"] });
    expect(list.items).toEqual([
      {
        ...includeLink,
        chain: ["docs/c.md:5", "_includes/outer.md:3"],
        chains: [
          ["docs/c.md:5", "_includes/outer.md:3"],
          ["docs/a.md:2", "_includes/outer.md:3"],
          ["docs/b.md:7", "_includes/outer.md:3"],
        ],
      },
    ]);
    expect(list.errorCount).toBe(1);
  });

  it("merges entries that are merged already, as render threads hand them over, without changing them", () => {
    const fromThread: Diagnostic = { ...includeLink, chain: ["docs/a.md:1"], chains: [["docs/a.md:1"], ["docs/b.md:1"]] };
    const list = new DiagnosticList();
    list.add({ ...includeLink, chain: ["docs/z.md:1"] });
    list.add(fromThread);
    expect(list.items[0].chains).toEqual([["docs/z.md:1"], ["docs/a.md:1"], ["docs/b.md:1"]]);
    expect(fromThread.chains).toEqual([["docs/a.md:1"], ["docs/b.md:1"]]);
  });

  it("leaves out `chains` while only one page led to the problem", () => {
    const list = new DiagnosticList();
    list.add({ ...includeLink, chain: ["docs/a.md:2"] });
    list.add({ ...includeLink, chain: ["docs/a.md:2"] });
    expect(list.items).toEqual([{ ...includeLink, chain: ["docs/a.md:2"] }]);
  });

  it("records a problem again once its entry was taken out of the list", () => {
    const list = new DiagnosticList();
    list.add(includeLink);
    list.items.splice(0);
    list.add(includeLink);
    expect(list.items).toEqual([includeLink]);
  });
});
