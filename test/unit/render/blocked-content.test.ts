import { describe, expect, it } from "vitest";
import { blockedContent } from "../../../src/render/inspect/blocked-content.ts";

const found = (html: string) => blockedContent(html).map(({ offset, message }) => [offset, message.split(" ").slice(0, 4).join(" ")]);

describe("what the site's Content-Security-Policy refuses in a page's own HTML", () => {
  it("finds scripts written in the page or from another host, <style> elements, event handlers and media over http", () => {
    const lines = [
      "<script>alert(1)</script>",
      '<script src="https://gist.example.test/a.js"></script>',
      "<style>td { color: red }</style>",
      '<button type="button" onclick="go()">Go</button>',
      '<img src="http://old.example.test/a.png">',
    ];
    const html = lines.join("\n");
    const at = (line: number) => html.indexOf(lines[line]);
    expect(found(html)).toEqual([
      [at(0), "A script written in"],
      [at(1), "A script from https://gist.example.test/a.js"],
      [at(2), "A <style> element is"],
      [at(3), "The onclick attribute is"],
      [at(4), "<img> loads http://old.example.test/a.png over"],
    ]);
  });

  it("lets through what it allows: the site's own scripts, data blocks, style attributes, https media", () => {
    const html = [
      '<script src="/assets/tabs.js"></script>',
      '<script type="application/ld+json">{"@type": "WebPage"}</script>',
      '<p style="color: red">Red</p>',
      '<img src="https://badges.example.test/build.svg"><iframe src="https://video.example.test/e/1"></iframe>',
      "<p>Say onclick=go() in text.</p>",
    ].join("\n");
    expect(found(html)).toEqual([]);
  });
});
