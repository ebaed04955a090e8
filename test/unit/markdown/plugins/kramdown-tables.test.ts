import { selectAll } from "css-select";
import type { AnyNode, Element } from "domhandler";
import { describe, expect, it } from "vitest";
import { HtmlPage, textOf } from "../../../support/html-page.ts";
import { renderAs } from "../helpers.ts";

/** Each section of the page's tables as `tag: cell cell / cell cell`. */
function sections(page: HtmlPage): string[] {
  return page.all("table > thead, table > tbody, table > tfoot").map((section) => {
    const rows = selectAll<AnyNode, Element>("tr", section).map((tr) => selectAll<AnyNode, Element>("th, td", tr).map(textOf).join(" "));
    return `${section.name}: ${rows.join(" / ")}`;
  });
}

describe("kramdown-tables", () => {
  it("makes a table of lines that all hold a |, without a header, as kramdown does", () => {
    const page = new HtmlPage(renderAs("kramdown", "Before.\n\n| a | b |\n| c | `x|y` |\n\nAfter.\n"));
    expect(sections(page)).toEqual(["tbody: a b / c x|y"]);
    expect(page.all("p").map(textOf)).toEqual(["Before.", "After."]);
  });

  it("reads several header rows, more separator lines as more bodies, and a footer below |===|", () => {
    const page = new HtmlPage(renderAs("kramdown", "| h1 | x |\n| h2 | y |\n|:--|--:|\n| c | d |\n|---|---|\n| e | f |\n|===|===|\n| s | t |\n"));
    expect(sections(page)).toEqual(["thead: h1 x / h2 y", "tbody: c d", "tbody: e f", "tfoot: s t"]);
    expect(page.all("thead th").map((th) => th.attribs.style)).toEqual(["text-align:left", "text-align:right", "text-align:left", "text-align:right"]);
  });

  it("fills rows to the widest one, and leaves lines that run on into a paragraph, headings and lists as they are", () => {
    const page = new HtmlPage(renderAs("kramdown", "| a |\n| b | c |\n\n# Title | more\n\n| one | two |\nrest of it\n\n- item\n"));
    expect(sections(page)).toEqual(["tbody: a  / b c"]);
    expect(page.all("h1").map(textOf)).toEqual(["Title | more"]);
    expect(page.all("p").map(textOf)).toEqual(["| one | two |\nrest of it"]);
    expect(page.all("li").map(textOf)).toEqual(["item"]);
  });

  it("reads no table where the | is inside an HTML element, and splits no cell inside <code>", () => {
    for (const line of ["The <code>a|b</code> operator means or.", "Press <kbd>|</kbd> to split.", '<img src="https://x.test/c?l=a|b" alt="c"> chart']) {
      expect(new HtmlPage(renderAs("kramdown", `${line}\n`)).all("table"), line).toHaveLength(0);
    }
    expect(sections(new HtmlPage(renderAs("kramdown", "| x | <code>p|q</code> |\n| y | z |\n")))).toEqual(["tbody: x p|q / y z"]);
  });

  it("takes an attribute list right below a table, and more separators or a footer below a one-row header", () => {
    const listed = new HtmlPage(renderAs("kramdown", "| Name | Value |\n| foo | 1 |\n{: .table .striped}\n"));
    expect(listed.one("table").attribs.class).toBe("table striped");
    expect(sections(listed)).toEqual(["tbody: Name Value / foo 1"]);
    const footed = new HtmlPage(renderAs("kramdown", "| a | b |\n|---|---|\n| 1 | 2 |\n|---|---|\n| 3 | 4 |\n|===|===|\n| f | g |\n"));
    expect(sections(footed)).toEqual(["thead: a b", "tbody: 1 2", "tbody: 3 4", "tfoot: f g"]);
    // Separator lines before any row are passed over.
    expect(sections(new HtmlPage(renderAs("kramdown", "|---|---|\n|---|---|\n| a | b |\n| c | d |\n")))).toEqual(["tbody: a b / c d"]);
  });

  it("renders a row of 60,000 cells", () => {
    expect(renderAs("kramdown", `${"|".repeat(60_000)}\n`)).toContain("<table>");
  });

  it("with kramdown off, keeps CommonMark's paragraph", () => {
    const page = new HtmlPage(renderAs("commonmark", "| a | b |\n| c | d |\n"));
    expect(page.all("table")).toHaveLength(0);
  });
});
