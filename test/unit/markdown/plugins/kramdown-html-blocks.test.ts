import { describe, expect, it } from "vitest";
import { renderAs } from "../helpers.ts";

// Each expectation is what Jekyll 4.3 with kramdown 2 renders for the same lines (checked side by side).
describe("kramdown-html-blocks", () => {
  it("reads a line starting with a span element as a paragraph, so the caption under an image is Markdown", () => {
    expect(renderAs("kramdown", '<img src="/x.png" alt="x">\n*Figure 1: caption*\n')).toBe('<p><img src="/x.png" alt="x">\n<em>Figure 1: caption</em></p>\n');
    expect(renderAs("kramdown", "<br>\n1. first\n2. second\n")).toBe("<p><br></p>\n<ol>\n<li>first</li>\n<li>second</li>\n</ol>\n");
  });

  it("ends a block element at its end tag, so the next line is Markdown again", () => {
    expect(renderAs("kramdown", '<div class="box">Boxed</div>\n## Step two\n')).toBe('<div class="box">Boxed</div>\n<h2 id="step-two">Step two</h2>\n');
    expect(renderAs("kramdown", "<p>Para html</p>\nMore *md*\n")).toBe("<p>Para html</p>\n<p>More <em>md</em></p>\n");
    expect(renderAs("kramdown", "<hr>\nText after hr.\n")).toBe("<hr>\n<p>Text after hr.</p>\n");
  });

  it("reads text after the end tag on its line, and the lines below it, as Markdown", () => {
    expect(renderAs("kramdown", '<div class="box">Inside</div> and **after** it.\nNext line.\n\n## Then\n')).toBe(
      '<div class="box">Inside</div>\n<p>and <strong>after</strong> it.\nNext line.</p>\n<h2 id="then">Then</h2>\n',
    );
    // An attribute list there is the element's.
    expect(renderAs("kramdown", '<div class="a">y</div> {: .b #i}\n\nNext.\n')).toBe('<div class="a b" id="i">y</div>\n<p>Next.</p>\n');
    // Paragraph text, whatever it starts with.
    expect(renderAs("kramdown", "<div>x</div> # Not a heading\n\n<div>x</div> | a | b |\n| c | d |\n")).toBe(
      "<div>x</div>\n<p># Not a heading</p>\n<div>x</div>\n<p>| a | b |\n| c | d |</p>\n",
    );
    expect(renderAs("kramdown", "- item\n\n  <div>a</div> tail [l](y.html)\n")).toBe('<ul>\n<li>\n<p>item</p>\n<div>a</div>\n<p>tail <a href="y.html">l</a></p>\n</li>\n</ul>\n');
  });

  it("keeps what is inside an element raw up to its own end tag, blank lines and nested elements of its name included", () => {
    expect(renderAs("kramdown", "<div>\n\n*raw md*\n\n</div>\n")).toBe("<div>\n\n*raw md*\n\n</div>\n");
    expect(renderAs("kramdown", "<div>\n<div>inner</div>\nstill *raw*\n</div>\nAfter *md*.\n")).toBe("<div>\n<div>inner</div>\nstill *raw*\n</div>\n<p>After <em>md</em>.</p>\n");
  });

  it("passes over an end tag inside a comment, and runs on to the end of an element opened after one on its line", () => {
    expect(renderAs("kramdown", "<div>\n<!-- </div> -->\n*x*\n</div>\n*after*\n")).toBe("<div>\n<!-- </div> -->\n*x*\n</div>\n<p><em>after</em></p>\n");
    expect(renderAs("kramdown", "<div>one</div><div>\ntwo\n</div>\n*after*\n")).toBe("<div>one</div><div>\ntwo\n</div>\n<p><em>after</em></p>\n");
  });

  it("still reads markdown=\"1\" content as Markdown, over blank lines", () => {
    expect(renderAs("kramdown", '<div markdown="1">\n\n*real md*\n\n</div>\n')).toBe("<div>\n<p><em>real md</em></p>\n</div>\n");
  });

  it("ends an element that is never closed at a blank line, as CommonMark does, rather than take the rest of the page", () => {
    expect(renderAs("kramdown", '<div class="open">\n*x*\n\n*y* after.\n')).toBe('<div class="open">\n*x*\n<p><em>y</em> after.</p>\n');
  });

  it("leaves CommonMark's reading alone with markdown: CommonMark", () => {
    expect(renderAs("commonmark", '<div class="box">Boxed</div>\n## Step two\n')).toBe('<div class="box">Boxed</div>\n## Step two\n');
  });
});
