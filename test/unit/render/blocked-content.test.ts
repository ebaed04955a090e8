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

  it("reads tags as a browser does: a handler after a > in a quoted value counts, and onload inside a value does not", () => {
    const lines = ['<a title="a > b" onmouseover="y()">x</a>', '<img alt="turn onload = on" src="https://cdn.example.test/a.png">'];
    const html = lines.join("\n");
    expect(found(html)).toEqual([[0, "The onmouseover attribute is"]]);
  });

  it("finds stylesheets from other hosts, <object> and <embed>, javascript: links, forms sent away, and http in srcset and poster", () => {
    const lines = [
      '<link rel="stylesheet" href="https://cdn.example.test/x.css">',
      '<object data="/diagram.svg"></object>',
      '<embed src="https://video.example.test/a.swf">',
      '<a href=" javascript:go()">Go</a>',
      '<form action="https://forms.example.test/send"></form>',
      '<picture><source srcset="https://a.example.test/1.png 1x, http://a.example.test/2.png 2x"></picture>',
      '<video poster="http://a.example.test/p.png" src="https://a.example.test/v.mp4"></video>',
    ];
    const html = lines.join("\n");
    const at = (line: number) => html.indexOf(lines[line]);
    expect(found(html)).toEqual([
      [at(0), "A stylesheet from https://cdn.example.test/x.css"],
      [at(1), "<object> is refused by"],
      [at(2), "<embed> is refused by"],
      [at(3), "A javascript: link is"],
      [at(4), "A form sent to"],
      [at(5) + "<picture>".length, "<source> loads http://a.example.test/2.png over"],
      [at(6), "<video> loads http://a.example.test/p.png over"],
    ]);
  });

  it("lets through the site's own stylesheets, forms and links", () => {
    const html = '<link rel="stylesheet" href="/assets/extra.css"><form action="/search"></form><a href="#top">Top</a><link rel="preconnect" href="https://cdn.example.test">';
    expect(found(html)).toEqual([]);
  });

  it("lets the site's own origin through, reads an attribute written twice as its first, and knows every script type and formaction", () => {
    const own = [
      '<form action="https://docs.example.test/search"></form>',
      '<link rel="stylesheet" href="//docs.example.test/x.css">',
      '<script src="https://docs.example.test/assets/a.js"></script>',
      '<a href="/ok" href="javascript:x()">Ok</a>',
    ].join("\n");
    expect(blockedContent(own, "https://docs.example.test")).toEqual([]);
    const lines = ['<button formaction="https://evil.example.test/">Send</button>', '<script type="text/javascript1.5">x()</script>'];
    const html = lines.join("\n");
    expect(found(html)).toEqual([
      [html.indexOf(lines[0]), "A form sent to"],
      [html.indexOf(lines[1]), "A script written in"],
    ]);
  });
});
