import { describe, expect, it } from "vitest";
import { HtmlPage, textOf } from "../../../support/html-page.ts";
import { splitRow } from "../../../../src/markdown/plugins/kramdown-table-cells.ts";
import { renderAs } from "../helpers.ts";

const BRIEF = "| a | b |\n| --- | --- |\n| 1 | 2 | 3 |\n";

describe("kramdown-table-cells", () => {
  it("keeps the cells of a row wider than the header, and widens the header with an empty cell", () => {
    const page = new HtmlPage(renderAs("kramdown", BRIEF));
    expect(page.all("tbody td").map(textOf)).toEqual(["1", "2", "3"]);
    expect(page.all("thead th").map(textOf)).toEqual(["a", "b", ""]);
  });

  it("with kramdown off, drops the third cell", () => {
    const page = new HtmlPage(renderAs("commonmark", BRIEF));
    expect(page.all("tbody td").map(textOf)).toEqual(["1", "2"]);
    expect(page.html).not.toContain("3");
  });

  it("fills short rows to the widest row, keeping the header's alignment", () => {
    const page = new HtmlPage(renderAs("kramdown", "| a | b |\n| :-- | --: |\n| 1 |\n| 1 | 2 | 3 |\n"));
    expect(page.all("tbody tr").map((tr) => tr.children.filter((c) => "name" in c && c.name === "td").length)).toEqual([3, 3]);
    expect(page.all("tbody tr:first-child td").map((td) => td.attribs.style)).toEqual(["text-align:left", "text-align:right", undefined]);
  });

  it("reads a | inside a code span as part of the code", () => {
    const page = new HtmlPage(renderAs("kramdown", "| a | b |\n| --- | --- |\n| `x|y` | z |\n"));
    expect(page.all("tbody td").map(textOf)).toEqual(["x|y", "z"]);
  });
});

describe("splitRow", () => {
  it.each([
    ["| 1 | 2 | 3 |", [" 1 ", " 2 ", " 3 "]],
    ["1 | 2", ["1 ", " 2"]],
    ["| a \\| b | c |", [" a | b ", " c "]],
    ["| `a|b` | ``c`|`d`` |", [" `a|b` ", " ``c`|`d`` "]],
    ["| `open | x |", [" `open ", " x "]],
  ])("%s", (row, cells) => {
    expect(splitRow(row)).toEqual(cells);
  });
});
