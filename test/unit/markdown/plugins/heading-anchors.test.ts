import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../../../src/markdown/create-markdown.ts";
import { headingAnchors } from "../../../../src/markdown/plugins/heading-anchors.ts";
import { noHighlighter } from "../helpers.ts";

function render(markdown: string): string {
  const md = createMarkdown({ highlighter: noHighlighter });
  md.use(headingAnchors);
  return md.render(markdown, { file: "p.md", report: () => {} });
}

describe("headingAnchors", () => {
  it("puts a # link beside each h2-h4, named after the heading, outside the heading itself", () => {
    expect(render("## Step 2. Call the `/instances` API")).toBe(
      '<div class="heading-wrap"><h2 id="step-2-call-the-instances-api">Step 2. Call the <code>/instances</code> API</h2>' +
        '<a class="heading-anchor" href="#step-2-call-the-instances-api" aria-label="Link to this section: Step 2. Call the /instances API"></a></div>\n',
    );
  });

  it("leaves the page title and h5-h6 alone", () => {
    expect(render("# Title\n\n##### Small")).toBe('<h1 id="title">Title</h1>\n<h5 id="small">Small</h5>\n');
  });

  it("names the link after a heading kept out of the table of contents (kramdown's no_toc) too, not after its id", () => {
    const md = createMarkdown({ highlighter: noHighlighter, flavor: "kramdown" });
    md.use(headingAnchors);
    expect(md.render("## Table of Contents\n{: .no_toc}\n", { file: "p.md", report: () => {} })).toContain('aria-label="Link to this section: Table of Contents"');
  });

  it("escapes the heading text in the link's name", () => {
    expect(render('### Say "hi" & <b>go</b>')).toContain('aria-label="Link to this section: Say &quot;hi&quot; &amp; go"');
  });
});
