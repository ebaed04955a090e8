import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../../../src/markdown/create-markdown.ts";
import { getHeadings } from "../../../../src/markdown/plugins/heading-ids.ts";
import { markdownSpan } from "../../../../src/markdown/plugins/markdown-span.ts";
import { noHighlighter, recordingEnv } from "../helpers.ts";

function render(text: string): string {
  return new MarkdownIt({ html: true }).use(markdownSpan).render(text);
}

describe("markdown-span", () => {
  it('renders the content of a markdown="span" block as inline Markdown and drops the attribute', () => {
    expect(render('<div markdown="span" class="box">A **x** and `y`</div>\n')).toBe(
      '<div class="box">A <strong>x</strong> and <code>y</code></div>\n',
    );
  });

  it("keeps inner HTML as HTML", () => {
    expect(render('<div markdown="span"><b>Note:</b> see <a href="#a">**this**</a></div>\n')).toBe(
      '<div><b>Note:</b> see <a href="#a"><strong>this</strong></a></div>\n',
    );
  });

  it("accepts single-quoted and unquoted values", () => {
    expect(render("<div markdown='span'>**x**</div>\n")).toBe("<div><strong>x</strong></div>\n");
    expect(render("<p class=a markdown=span>**x**</p>\n")).toBe("<p class=a><strong>x</strong></p>\n");
  });

  it.each(["1", "block"])('renders markdown="%s" content as block Markdown', (value) => {
    expect(render(`<div markdown="${value}" class="c">\n## Title\n\nA **x**\n\n* one\n* two\n</div>\n`)).toBe(
      '<div class="c">\n<h2>Title</h2>\n<p>A <strong>x</strong></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n</div>\n',
    );
  });

  it("renders block Markdown when the whole element is on one line", () => {
    expect(render('<div markdown="1">**x**</div>\n')).toBe("<div>\n<p><strong>x</strong></p>\n</div>\n");
  });

  it('only drops the attribute for markdown="0"', () => {
    expect(render('<div markdown="0" id="a">**x**</div>\n')).toBe('<div id="a">**x**</div>\n');
  });

  it("leaves other HTML blocks alone, even with markdown inside an attribute value", () => {
    const raw = '<div class="box" title=\'markdown="span"\'>**x**</div>\n';
    expect(render(raw)).toBe(raw);
  });

  it("works when the block sits indented inside a list item", () => {
    const html = render(
      '1. Call the following:\n\n    <div markdown="span" class="alert alert-info" role="alert"><b>Note:</b> Include **the keys**.</div>\n',
    );
    expect(html).toMatch(
      /<li>\s*<p>Call the following:<\/p>\s*<div class="alert alert-info" role="alert"><b>Note:<\/b> Include <strong>the keys<\/strong>\.<\/div>\s*<\/li>/,
    );
  });

  it("reads the attribute on elements inside an HTML block, each cell of a table by its content model", () => {
    const html = render(
      '<table>\n<tr>\n<td markdown="span">*cell* and [link](x.html)</td>\n<td markdown="1">\n\n- a\n- b\n\n</td>\n<td>*raw*</td>\n<td markdown="0">**kept**</td>\n</tr>\n</table>\n',
    );
    expect(html).toBe(
      '<table>\n<tr>\n<td><em>cell</em> and <a href="x.html">link</a></td>\n<td>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n</td>\n<td>*raw*</td>\n<td>**kept**</td>\n</tr>\n</table>\n',
    );
  });

  it("drops the attribute from a span inside a paragraph, whose content is Markdown already", () => {
    expect(render('A <span markdown="1" class="k">*em*</span> here.\n')).toBe('<p>A <span class="k"><em>em</em></span> here.</p>\n');
  });

  it("renders the content even when the end tag is in a later block", () => {
    expect(render('<div markdown="span" class="c">**x**\n\ntext\n</div>\n')).toBe(
      '<div class="c"><strong>x</strong>\n<p>text</p>\n</div>\n',
    );
  });
});

describe("markdown-span in the site renderer", () => {
  const md = createMarkdown({ highlighter: noHighlighter });

  it("renders the callout with real line breaks and quoted links", () => {
    const html = md.render(
      '<div markdown="span" class="bs-callout bs-callout-info"><strong>On this page</strong></br><a href=#parameters>Parameters</a></div>\n',
      recordingEnv(),
    );
    expect(html).toBe(
      '<div class="bs-callout bs-callout-info"><strong>On this page</strong><br><a href="#parameters">Parameters</a></div>\n',
    );
  });

  it("renders the note inside a list item", () => {
    const html = md.render(
      '1. Call the following:\n\n    <div markdown="span" class="alert alert-info" role="alert"><b>Note:</b> Include the keys. See <a href=index.html#x>the Overview</a> for **details**.</div>\n',
      recordingEnv(),
    );
    expect(html).toContain(
      '<div class="alert alert-info" role="alert"><b>Note:</b> Include the keys. See <a href="index.html#x">the Overview</a> for <strong>details</strong>.</div>',
    );
    expect(html).not.toContain("markdown=");
  });

  it("ids headings of a block in page order", () => {
    const env = recordingEnv();
    const html = md.render('## Setup\n\n<div markdown="1">\n## Setup\n</div>\n\n## Setup\n', env);
    expect(html).toContain('<div>\n<h2 id="setup-1">Setup</h2>\n</div>');
    expect(getHeadings(env).map((h) => h.id)).toEqual(["setup", "setup-1", "setup-2"]);
  });

  it("reports problems inside a block at their line in the page", () => {
    const env = recordingEnv();
    // No blank line: the fence is part of the HTML block's content, parsed by this plugin.
    const html = md.render('Intro\n\n<div markdown="1">\n```foobar\nx\n```\n</div>\n', env);
    expect(html).toContain('<div>\n<div class="code-block" data-lang="text">');
    expect(env.problems).toMatchObject([{ code: "code-unknown-language", line: 4 }]);
  });

  it("reads the cells of a kramdown table block and reports problems inside one at their line", () => {
    const env = recordingEnv();
    const html = md.render('<table>\n<tr>\n<td markdown="span">*cell*</td>\n<td markdown="1">\n\n```foobar\nx\n```\n\n</td>\n</tr>\n</table>\n', env);
    expect(html).toContain("<td><em>cell</em></td>");
    expect(html).toContain('<td>\n<div class="code-block" data-lang="text">');
    expect(html).not.toContain("markdown=");
    expect(env.problems).toMatchObject([{ code: "code-unknown-language", line: 6 }]);
  });

  it("leaves the attribute alone in comments and scripts, and reads it inside a markdown=\"0\" element, in any case", () => {
    const commented = '<div>\n<!-- <div markdown="1"> -->\n*x*\n<!-- </div> -->\n</div>\n';
    expect(md.render(commented, recordingEnv())).toBe(commented);
    const scripted = "<div>\n<script>var s = '<span markdown=\"span\">*x*</span>';</script>\n</div>\n";
    expect(md.render(scripted, recordingEnv())).toBe(scripted);
    expect(md.render('<div markdown="0">\n<div markdown="1">\n*y*\n</div>\n</div>\n', recordingEnv())).toBe("<div>\n<div>\n<p><em>y</em></p>\n</div>\n</div>\n");
    expect(md.render('<div>\n<P MARKDOWN="span">*a*</P>\n<br markdown="1"/>\n</div>\n', recordingEnv())).toBe("<div>\n<P><em>a</em></P>\n<br/>\n</div>\n");
  });
});
