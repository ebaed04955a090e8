import { describe, expect, it } from "vitest";
import { tableOfContents } from "../../../../src/render/layout-variables/table-of-contents.ts";

describe("tableOfContents", () => {
  it("keeps h2 and h3 in page order and leaves out the title and deeper levels", () => {
    const toc = tableOfContents([
      { level: 1, text: "Authenticate", id: "authenticate" },
      { level: 2, text: "Step 1", id: "step-1" },
      { level: 3, text: "Details", id: "details" },
      { level: 4, text: "Fine print", id: "fine-print" },
      { level: 2, text: "Step 2", id: "step-2" },
    ]);
    expect(toc).toEqual([
      { level: 2, text: "Step 1", id: "step-1" },
      { level: 3, text: "Details", id: "details" },
      { level: 2, text: "Step 2", id: "step-2" },
    ]);
  });

  it("skips headings without an id, which no link could reach", () => {
    expect(tableOfContents([{ level: 2, text: "", id: "" }])).toEqual([]);
  });
});
