// What the site's Content-Security-Policy refuses in a page is a warning at the line it is written on: the browser
// refuses it without a word on the page. Images and embeds from other https hosts are allowed, and not reported.
import { describe, expect, it } from "vitest";
import { buildWithFiles } from "../support/built-tree.ts";

describe("content the site's Content-Security-Policy refuses", () => {
  it("is a warning at its line in Markdown and in an HTML page, and the page is built", async () => {
    const { result } = await buildWithFiles({
      "docs/embeds.md": [
        "---",
        "title: Embeds",
        "---",
        "",
        "![Build status](https://badges.example.test/build.svg)",
        "",
        '<iframe src="https://video.example.test/embed/intro" title="Intro"></iframe>',
        "",
        "<style>td { font-weight: bold; }</style>",
        "",
        'Try <button onclick="go()">it</button> or ![old](http://old.example.test/a.png).',
        "",
        // The site's own origin (url: of _config.yml) is 'self'.
        '<form action="https://connectors.example.test/search"><input name="q"></form>',
        "",
      ].join("\n"),
      "docs/legacy.html": '---\ntitle: Legacy\n---\n\n<p>Intro</p>\n<script src="https://gist.example.test/a.js"></script>\n',
    });
    expect(result.code).toBe(0);
    const warnings = result.stderr.split("\n").filter((line) => line.includes("content-blocked"));
    expect(warnings).toEqual([
      expect.stringMatching(/^docs\/embeds\.md:9:1: warning content-blocked: A <style> element/),
      expect.stringMatching(/^docs\/embeds\.md:11:5: warning content-blocked: The onclick attribute/),
      expect.stringMatching(/^docs\/embeds\.md:11:\d+: warning content-blocked: The image http:\/\/old\.example\.test\/a\.png/),
      expect.stringMatching(/^docs\/legacy\.html:6:1: warning content-blocked: A script from https:\/\/gist\.example\.test\/a\.js/),
    ]);
  }, 120_000);
});
