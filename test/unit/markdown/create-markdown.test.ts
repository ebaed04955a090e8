import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../../src/markdown/create-markdown.ts";
import { createCodeHighlighter } from "../../../src/markdown/highlight/code-highlighter.ts";
import { getHeadings } from "../../../src/markdown/plugins/heading-ids.ts";
import { readFixture, recordingEnv, withoutFrontMatter } from "./helpers.ts";

const highlighter = await createCodeHighlighter();

/** The inner HTML of the list item whose first paragraph is `lead`. */
function listItem(html: string, lead: string): string | undefined {
  return new RegExp(String.raw`<li>\s*<p>${lead}</p>([\s\S]*?)</li>`).exec(html)?.[1];
}

// Both readings: the site renders with kramdown's rules unless its _config.yml names another converter.
describe.each(["kramdown", "commonmark"] as const)("createMarkdown (%s) on the jekyll-compat authenticate page", (flavor) => {
  const md = createMarkdown({ highlighter, flavor });
  const env = recordingEnv("docs/elements/acme-crm/authenticate.md");
  const html = md.render(readFixture("acme-crm-authenticate.expanded.md"), env);

  it("highlights the ```json block inside its numbered list item", () => {
    const item = listItem(html, "Construct a JSON body:");
    expect(item).toBeDefined();
    expect(item).toContain('<div class="code-block" data-lang="json">');
    expect(item).toMatch(/<span style="--shiki-light:#[0-9A-F]+;--shiki-dark:#[0-9A-F]+">\s*"element"<\/span>/i);
  });

  it("renders the 8-space indented POST /instances as a code block in the next item", () => {
    const item = listItem(html, "Call the following:");
    expect(item).toMatch(/<div class="code-block" data-lang="text">[\s\S]*<pre class="shiki[^>]*><code>[\s\S]*POST \/instances[\s\S]*<\/pre><\/div>/);
    expect(item).toContain('<a href="index.html#authenticating-with-acme">the Overview</a>');
  });

  it("renders the callout as HTML, and each of its links points at a heading on the page", () => {
    expect(html).toContain('<div class="bs-callout bs-callout-info"><strong>On this page</strong><br><a href="#authenticate-through-the-ui">');
    expect(html).not.toContain("</br>");
    expect(html).not.toContain("markdown=");
    const ids = new Set(getHeadings(env).map((h) => h.id));
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets).toEqual(["authenticate-through-the-ui", "step-1-call-the-instances-api", "parameters"]);
    for (const target of targets) expect(ids).toContain(target);
  });

  it("renders the table cell's </br> as a line break", () => {
    expect(html).toContain("<td style=\"text-align:left\">Name<br><code>name</code></td>");
  });

  it("reports nothing", () => {
    expect(env.problems).toEqual([]);
  });
});

describe.each(["kramdown", "commonmark"] as const)("createMarkdown (%s) on the seed page", (flavor) => {
  const md = createMarkdown({ highlighter, flavor });
  it("highlights the seed's JSON response", () => {
    const html = md.render(withoutFrontMatter(readFixture("autotask-crm-authenticate.md")), recordingEnv());
    expect(html).toContain('<h2 id="example-response-for-an-authenticated-element-instance">');
    expect(html).toContain('<div class="code-block" data-lang="json">');
    expect(html).toMatch(/<span style="--shiki-light:#[0-9A-F]+;--shiki-dark:#[0-9A-F]+">\s*"hookName"<\/span>/i);
    // The HTML inside a JSON string is code, not markup.
    expect(html).not.toContain('<a href="http://www.autotask.com"');
  });
});
