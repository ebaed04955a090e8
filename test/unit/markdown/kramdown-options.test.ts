import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../../src/markdown/create-markdown.ts";
import { ignoredKramdownOptions, kramdownOptions } from "../../../src/markdown/kramdown-options.ts";
import { noHighlighter, recordingEnv } from "./helpers.ts";

/** Renders as a site whose _config.yml has these `kramdown:` options. */
function render(kramdown: Record<string, unknown>, text: string): string {
  return createMarkdown({ highlighter: noHighlighter, flavor: "kramdown", kramdown: kramdownOptions(kramdown) }).render(text, recordingEnv());
}

// Each expectation is what Jekyll 4.3 with kramdown 2 writes for the same options (checked side by side).
describe("kramdown: options of _config.yml", () => {
  it("hard_wrap makes a line break inside a paragraph a <br>", () => {
    expect(render({ hard_wrap: true }, "Line one\nline two\n")).toBe("<p>Line one<br>\nline two</p>\n");
    expect(render({}, "Line one\nline two\n")).toBe("<p>Line one\nline two</p>\n");
  });

  it("auto_id_prefix goes before ids made from headings, not before one the page gives", () => {
    expect(render({ auto_id_prefix: "id-" }, "## Head one\n\n## Sub {#given}\n")).toBe('<h2 id="id-head-one">Head one</h2>\n<h2 id="given">Sub</h2>\n');
  });

  it("input: kramdown makes kramdown's own heading ids; GFM, Jekyll's default, GitHub's", () => {
    expect(render({ input: "kramdown", auto_id_prefix: "kd-" }, "## 1. Install\n")).toBe('<h2 id="kd-install">1. Install</h2>\n');
    expect(render({ input: "GFM" }, "## 1. Install\n")).toBe('<h2 id="1-install">1. Install</h2>\n');
  });

  it("auto_ids: false leaves headings only the ids the page gives, and a {:toc} only those", () => {
    const html = render({ auto_ids: false }, "* TOC\n{:toc}\n\n# One\n\n## Two {#two}\n");
    expect(html).toContain("<h1>One</h1>");
    expect(html).toContain('<h2 id="two">Two</h2>');
    expect([...html.matchAll(/markdown-toc-([a-z]+)/g)].map((m) => m[1])).toEqual(["two"]);
  });

  it("toc_levels limits the headings a {:toc} lists, written as a range, a list or one level", () => {
    const page = "* TOC\n{:toc}\n\n# One\n\n## Two\n\n### Three\n";
    const listed = (levels: unknown) => [...render({ toc_levels: levels }, page).matchAll(/markdown-toc-([a-z]+)/g)].map((m) => m[1]);
    expect(listed("2..3")).toEqual(["two", "three"]);
    expect(listed([1, 3])).toEqual(["one", "three"]);
    expect(listed(2)).toEqual(["two"]);
    expect(listed("nonsense")).toEqual(["one", "two", "three"]);
  });

  it("parse_block_html reads the content of HTML blocks as Markdown, by each element's content model", () => {
    const html = render({ parse_block_html: true }, '<div class="box">\n*md in div*\n\n- a list\n</div>\n\n<p>*span in p*</p>\n\n<pre>*raw* in pre</pre>\n');
    expect(html).toBe('<div class="box">\n<p><em>md in div</em></p>\n<ul>\n<li>a list</li>\n</ul>\n</div>\n<p><em>span in p</em></p>\n<pre>*raw* in pre</pre>\n');
    expect(render({}, "<p>*span in p*</p>\n")).toBe("<p>*span in p*</p>\n");
  });

  it("names the options that change kramdown's output and are not applied, and not the harmless ones", () => {
    expect(ignoredKramdownOptions({ input: "GFM", syntax_highlighter: "rouge", hard_wrap: false, header_offset: 1, footnote_nr: 3 })).toEqual(["header_offset", "footnote_nr"]);
  });
});
