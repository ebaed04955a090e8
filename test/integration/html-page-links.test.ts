// A page of HTML (an .html file with front matter) is its own content: a broken link in it is reported at its line
// and column, as one in Markdown is, not as a link of the layout without a line.
import { describe, expect, it } from "vitest";
import { buildWithFiles } from "../support/built-tree.ts";

describe("a broken link in an HTML page", () => {
  it("is reported at its line and column", async () => {
    const { result } = await buildWithFiles(
      { "docs/legacy.html": '---\nlayout: default\ntitle: Legacy\n---\n\n<p>Intro</p>\n<p><a href="/docs/guide.html">root</a> <a href="nowhere.html">x</a></p>\n' },
      {},
      ["--base", "/guides/"],
    );
    expect(result.code).toBe(1);
    const reported = result.stderr.split("\n").filter((line) => line.includes("link-broken"));
    expect(reported).toEqual([
      expect.stringMatching(/^docs\/legacy\.html:7:13: error link-broken: "\/docs\/guide\.html" points outside the site, which is served under \/guides\//),
      expect.stringMatching(/^docs\/legacy\.html:7:49: error link-broken: Broken link "nowhere\.html"/),
    ]);
  }, 120_000);
});
