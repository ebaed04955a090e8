// A link in a Markdown table is reported at its own line and column, as one in a paragraph is, not as the layout's.
import { describe, expect, it } from "vitest";
import { buildWithFiles } from "../support/built-tree.ts";

/** Builds `files` (which must fail) and returns the broken-link lines of its report, in order. */
async function brokenLinks(files: Record<string, string>): Promise<string[]> {
  const { result } = await buildWithFiles(files);
  expect(result.code).toBe(1);
  return result.stderr.split("\n").filter((line) => line.includes("link-broken"));
}

describe("a broken link in a table cell", () => {
  it("is reported at its row's line and its column, each cell's after the one before", async () => {
    const reported = await brokenLinks({
      "docs/table.md": ["---", "title: Table", "---", "", "| A | B |", "| --- | --- |", "| [z](gone.html) | [y](gone.html) |", '| x | <a href="also-gone.html">h</a> |', ""].join("\n"),
    });
    expect(reported).toEqual([
      expect.stringMatching(/^docs\/table\.md:7:7: error link-broken: Broken link "gone\.html"/),
      expect.stringMatching(/^docs\/table\.md:7:24: error link-broken: Broken link "gone\.html"/),
      expect.stringMatching(/^docs\/table\.md:8:16: error link-broken: Broken link "also-gone\.html"/),
    ]);
  }, 120_000);

  it("is reported at its row's line in a table of kramdown's without a header", async () => {
    const reported = await brokenLinks({
      "docs/table.md": ["---", "title: Table", "---", "", "| A | B |", "| x | [y](gone.html) |", "|===|===|", "| [f](foot-gone.html) | z |", ""].join("\n"),
    });
    expect(reported).toEqual([
      expect.stringMatching(/^docs\/table\.md:6:11: error link-broken: Broken link "gone\.html"/),
      expect.stringMatching(/^docs\/table\.md:8:7: error link-broken: Broken link "foot-gone\.html"/),
    ]);
  }, 120_000);

  it("is reported at its line and column in each markdown=\"span\" cell of an HTML table", async () => {
    const table = ["<table>", "  <tr>", '    <td markdown="span">**One**</td>', '    <td markdown="span">See [one](one.html)</td>', "  </tr>", "  <tr>"];
    const rest = ['    <td markdown="span">**Two**</td>', '    <td markdown="span">See [two](two.html)</td>', "  </tr>", "</table>", ""];
    const reported = await brokenLinks({ "docs/cells.md": ["---", "title: Cells", "---", "", ...table, ...rest].join("\n") });
    expect(reported).toEqual([
      expect.stringMatching(/^docs\/cells\.md:8:35: error link-broken: Broken link "one\.html"/),
      expect.stringMatching(/^docs\/cells\.md:12:35: error link-broken: Broken link "two\.html"/),
    ]);
  }, 120_000);
});
