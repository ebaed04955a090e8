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

describe("DiagnosticList", () => {
  it("keeps one copy of a problem that every page using a layout runs into", () => {
    const list = new DiagnosticList();
    for (let i = 0; i < 40; i++) list.add({ ...layoutError });
    expect(list.items).toHaveLength(1);
    expect(list.errorCount).toBe(1);
  });

  it("keeps problems that differ in place or include chain", () => {
    const list = new DiagnosticList();
    list.add(layoutError);
    list.add({ ...layoutError, line: 19 });
    list.add({ ...layoutError, chain: ["docs/a.md:3"] });
    list.add({ ...layoutError, chain: ["docs/b.md:3"] });
    expect(list.items).toHaveLength(4);
  });
});
