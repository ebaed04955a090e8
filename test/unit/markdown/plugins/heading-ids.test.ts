import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../../../src/markdown/create-markdown.ts";
import { KRAMDOWN_DEFAULTS } from "../../../../src/markdown/kramdown-options.ts";
import { getHeadings, headingIds } from "../../../../src/markdown/plugins/heading-ids.ts";
import { noHighlighter } from "../helpers.ts";

function render(text: string, env: Record<string, unknown> = {}): string {
  return new MarkdownIt({ html: true }).use(headingIds).render(text, env);
}

describe("heading-ids", () => {
  it.each([
    ["Step 1. Call the /instances API", "step-1-call-the-instances-api"],
    ["Welcome to the Acme.io Element", "welcome-to-the-acmeio-element"],
    ["Option 1: Connect via IP", "option-1-connect-via-ip"],
    ["Get Your App’s OAuth Client Credentials", "get-your-apps-oauth-client-credentials"],
  ])("%s -> %s", (title, id) => {
    expect(render(`## ${title}\n`)).toBe(`<h2 id="${id}">${title}</h2>\n`);
  });

  it("numbers repeats over the whole page", () => {
    const html = render("## Contacts\n\n### HTTP Request\n\n## Accounts\n\n### HTTP Request\n\n## Tasks\n\n### HTTP Request\n");
    expect([...html.matchAll(/<h3 id="([^"]+)">HTTP Request<\/h3>/g)].map((m) => m[1])).toEqual([
      "http-request",
      "http-request-1",
      "http-request-2",
    ]);
  });

  it("gives every level h1-h6 an id, setext headings too", () => {
    const html = render("# A\n\n## B\n\n### C\n\n#### D\n\n##### E\n\n###### F\n\nG\n=\n");
    for (const [tag, id] of [["h1", "a"], ["h2", "b"], ["h3", "c"], ["h4", "d"], ["h5", "e"], ["h6", "f"], ["h1", "g"]]) {
      expect(html).toContain(`<${tag} id="${id}">`);
    }
  });

  it("reads code spans and drops HTML tags", () => {
    expect(render("## The <em>big</em> `key` field\n")).toContain('<h2 id="the-big-key-field">');
  });

  it("reads escapes and entities as their characters", () => {
    expect(render("## Fish &amp; Chips \\*new\\*\n")).toContain('<h2 id="fish--chips-new">');
  });

  it("lists the headings on env after render", () => {
    const env = {};
    render("# Querying\n\n## Contacts\n\n### HTTP Request\n\ntext\n\n### HTTP Request\n", env);
    expect(getHeadings(env)).toEqual([
      { level: 1, text: "Querying", id: "querying" },
      { level: 2, text: "Contacts", id: "contacts" },
      { level: 3, text: "HTTP Request", id: "http-request" },
      { level: 3, text: "HTTP Request", id: "http-request-1" },
    ]);
  });

  it("starts counting afresh on each render, even with the same env", () => {
    const env = {};
    render("## Parameters\n", env);
    expect(render("## Parameters\n", env)).toBe('<h2 id="parameters">Parameters</h2>\n');
    expect(getHeadings(env)).toHaveLength(1);
  });

  it("leaves the page's headings alone when renderInline is called with the same env", () => {
    const env = {};
    const md = new MarkdownIt().use(headingIds);
    md.render("## Parameters\n", env);
    md.renderInline("a title", env);
    expect(getHeadings(env)).toEqual([{ level: 2, text: "Parameters", id: "parameters" }]);
  });

  it("returns no headings for an env that was never rendered", () => {
    expect(getHeadings({})).toEqual([]);
  });
});

describe("a heading without text", () => {
  it("gets no id and no entry in the page's contents, and numbers no later heading", () => {
    const env: Record<string, unknown> = {};
    const html = render("##\n\n## Setup\n\n## ?!\n\n## Setup\n", env);
    expect(html).not.toMatch(/id=""/);
    expect(html).toContain('<h2 id="setup"');
    expect(html).toContain('<h2 id="setup-1"');
    expect(getHeadings(env).map((heading) => heading.id)).toEqual(["setup", "setup-1"]);
  });
});

describe("kramdown's own ids (kramdown: input: kramdown)", () => {
  it("are made as kramdown makes them: no leading non-letters, ASCII letters, digits and hyphens, section when empty", () => {
    const html = new MarkdownIt({ html: true }).use(headingIds, { style: "kramdown" }).render("## 1. Install\n\n## Café & Crème\n\n## Install\n\n## ???\n\n## Install\n", {});
    expect([...html.matchAll(/id="([^"]*)"/g)].map((match) => match[1])).toEqual(["install", "caf--crme", "install-1", "section", "install-2"]);
  });

  it("are made from the heading's text as written, before typography, and a marker alone is text, as in kramdown", () => {
    const md = createMarkdown({ highlighter: noHighlighter, flavor: "kramdown", kramdown: { ...KRAMDOWN_DEFAULTS, idStyle: "kramdown" } });
    const html = md.render("## C# & F# -- Guide\n\n##\n\n## *Setup* `steps`\n", {});
    expect([...html.matchAll(/id="([^"]*)"/g)].map((match) => match[1])).toEqual(["c--f----guide", "setup-steps"]);
    expect(html).toContain("<p>##</p>");
    expect(html).toContain("C# &amp; F# – Guide</h2>");
  });

  it("leave a marker alone as text with kramdown's GFM input too, as Jekyll's default Markdown does", () => {
    const md = createMarkdown({ highlighter: noHighlighter, flavor: "kramdown" });
    expect(md.render("##\n\n## Setup\n", {})).toMatch(/^<p>##<\/p>\n<h2 id="setup"/);
    // Inside a paragraph, the line goes on with it.
    expect(md.render("text\n##\nmore\n", {})).toBe("<p>text\n##\nmore</p>\n");
    expect(createMarkdown({ highlighter: noHighlighter }).render("##\n", {})).toBe("<h2></h2>\n");
  });
});
