// A link written to a page's source file (`[Setup](setup.md)`), as GitHub renders and jekyll-relative-links
// publishes it, goes to the page, and the link check reads it there: anchors included.
import { describe, expect, it } from "vitest";
import { buildWithFiles } from "../support/built-tree.ts";
import { HtmlPage } from "../support/html-page.ts";

describe("a link to a page's source file", () => {
  it("goes to the page, its anchor checked against the page's headings", async () => {
    const { out, result } = await buildWithFiles({
      "docs/guides/setup.md": "---\ntitle: Setup\n---\n\n## Install\n\nSteps.\n",
      "docs/guides/intro.md": "---\ntitle: Intro\n---\n\nSee [install](setup.md#install) and [the rest](setup.md#uninstall).\n",
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^docs\/guides\/intro\.md:5:\d+: warning link-anchor: Broken anchor "\/docs\/guides\/setup\.html#uninstall"/m);
    const links = HtmlPage.read(out, "docs/guides/intro.html").all("article a").map((a) => a.attribs.href);
    expect(links).toEqual(expect.arrayContaining(["/docs/guides/setup.html#install", "/docs/guides/setup.html#uninstall"]));
  }, 120_000);
});
