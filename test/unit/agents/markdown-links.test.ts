import { describe, expect, it } from "vitest";
import { markdownWithBase } from "../../../src/agents/markdown-links.ts";

describe("root-relative links of a Markdown twin under a base path", () => {
  it("prefixes inline links, images, reference definitions and HTML links, as the page's HTML has them", () => {
    const markdown = [
      "See [the catalog](/docs/elements.html) and ![logo](/assets/logo.svg).",
      "[ref]: /docs/elements/a/index.html",
      '<a href="/docs/b.html">B</a> <img src=\'/assets/c.png\'>',
    ].join("\n");
    expect(markdownWithBase(markdown, "/guides")).toBe(
      [
        "See [the catalog](/guides/docs/elements.html) and ![logo](/guides/assets/logo.svg).",
        "[ref]: /guides/docs/elements/a/index.html",
        '<a href="/guides/docs/b.html">B</a> <img src=\'/guides/assets/c.png\'>',
      ].join("\n"),
    );
  });

  it("leaves relative, protocol-relative and external links, and code, as written", () => {
    const markdown = [
      "[next](events.html) [cdn](//cdn.example.test/x.js) [site](https://example.test/a) `[x](/in/code)`",
      "```md",
      "[y](/in/a/fence)",
      "```",
      "[z](/after/the/fence)",
    ].join("\n");
    expect(markdownWithBase(markdown, "/guides").split("\n")).toEqual([
      "[next](events.html) [cdn](//cdn.example.test/x.js) [site](https://example.test/a) `[x](/in/code)`",
      "```md",
      "[y](/in/a/fence)",
      "```",
      "[z](/guides/after/the/fence)",
    ]);
  });

  it("changes nothing without a base path", () => {
    expect(markdownWithBase("[a](/docs/a.html)", "")).toBe("[a](/docs/a.html)");
  });
});
