// What Jekyll gives templates besides front matter, which legacy layouts and footers print: page.name, page.dir,
// site.time, dates as Ruby prints them, the smartify filter and jekyll-include-cache's include_cached.
import { describe, expect, it } from "vitest";
import { buildWithFiles } from "../support/built-tree.ts";
import { HtmlPage } from "../support/html-page.ts";

describe("Jekyll's own page and site values", () => {
  it("are there, site.time from SOURCE_DATE_EPOCH so that two builds agree", async () => {
    const { out, result } = await buildWithFiles(
      {
        "_includes/greeting.html": "Hello {{ include.who }}.",
        "docs/guides/intro.md": [
          "---",
          "title: Intro",
          "updated: 2024-01-02 20:00:00 +0000",
          "---",
          "",
          "Name {{ page.name }}, folder {{ page.dir }}, built in {{ site.time | date: '%Y-%m-%d' }}.",
          "",
          "Updated {{ page.updated }}.",
          "",
          "{% include_cached greeting.html who='reader' %}",
          "",
          `Title: {{ 'Use "Element Guides" -- it is fast... <b>really</b> & more' | smartify }}`,
          "",
        ].join("\n"),
      },
      { SOURCE_DATE_EPOCH: "1700000000", TZ: "UTC" },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/liquid-/);
    const page = HtmlPage.read(out, "docs/guides/intro.html");
    const text = page.text("article");
    expect(text).toContain("Name intro.md, folder /docs/guides/, built in 2023-11-14.");
    expect(text).toContain("Updated 2024-01-02 20:00:00 +0000.");
    expect(text).toContain("Hello reader.");
    expect(text).toContain("Title: Use \u201cElement Guides\u201d \u2013 it is fast\u2026 really & more");
    expect(page.html).toContain("<b>really</b> &amp; more");
  }, 120_000);
});
