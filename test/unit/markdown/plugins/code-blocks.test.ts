import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { createCodeHighlighter, type CodeHighlighter } from "../../../../src/markdown/highlight/code-highlighter.ts";
import { codeBlocks } from "../../../../src/markdown/plugins/code-blocks.ts";
import { noHighlighter, recordingEnv, renderAs } from "../helpers.ts";

const highlighter = await createCodeHighlighter();

function render(text: string, env: Record<string, unknown> = recordingEnv(), using: CodeHighlighter = highlighter): string {
  return new MarkdownIt({ html: true }).use(codeBlocks, { highlighter: using }).render(text, env);
}

const bar = (lang: string, label: string) =>
  `<div class="code-block" data-lang="${lang}"><div class="code-block__bar"><span class="code-block__lang">${label}</span>` +
  `<button type="button" class="code-block__copy" hidden>Copy</button></div>`;

describe("code-blocks", () => {
  it("wraps the Shiki output of a fence in the code-block frame", () => {
    const html = render('```json\n{"id": 12345}\n```\n');
    expect(html.startsWith(bar("json", "JSON") + '<pre class="shiki shiki-themes github-light github-dark"')).toBe(true);
    expect(html).toContain("--shiki-light:");
    expect(html.endsWith("</code></pre></div>\n")).toBe(true);
    expect(html).toBe(bar("json", "JSON") + highlighter.highlight('{"id": 12345}', "json") + "</div>\n");
  });

  it.each([
    ["json", "json", "JSON"],
    ["jsonc", "jsonc", "JSON"],
    ["json5", "json5", "JSON"],
    ["bash", "bash", "Bash"],
    ["sh", "bash", "Bash"],
    ["js", "javascript", "JavaScript"],
    ["javascript", "javascript", "JavaScript"],
    ["ts", "typescript", "TypeScript"],
    ["xml", "xml", "XML"],
    ["html", "html", "HTML"],
    ["yml", "yaml", "YAML"],
    ["java", "java", "Java"],
    ["py", "python", "Python"],
    ["http", "http", "HTTP"],
    ["sql", "sql", "SQL"],
    ["text", "text", "Text"],
    ["JSON", "json", "JSON"],
  ])("```%s is labelled data-lang=%s, %s", (info, lang, label) => {
    const env = recordingEnv();
    expect(render(`\`\`\`${info}\nx\n\`\`\`\n`, env).startsWith(bar(lang, label) + "<pre class=\"shiki")).toBe(true);
    expect(env.problems).toEqual([]);
  });

  it("takes the language from the first word of the info string", () => {
    expect(render('```json title="x"\n{}\n```\n')).toContain(bar("json", "JSON"));
  });

  it("shows fences without a language as plain text, without a warning", () => {
    const env = recordingEnv();
    const html = render("```\n<b>x</b>\n```\n", env);
    expect(html.startsWith(bar("text", "Text"))).toBe(true);
    expect(html).not.toContain("<b>x</b>");
    expect(env.problems).toEqual([]);
  });

  it("shows indented code as plain text, without a warning", () => {
    const env = recordingEnv();
    const html = render("Intro\n\n    GET /contacts?where=name='Ada'\n", env);
    expect(html).toContain(bar("text", "Text") + '<pre class="shiki');
    expect(html).toContain("GET /contacts?where=name=");
    expect(env.problems).toEqual([]);
  });

  it("warns about an unknown language at its line and shows the code as plain text", () => {
    const env = recordingEnv();
    const html = render("# Title\n\nText.\n\n```foobar\n<tag> & stuff\n```\n", env);
    expect(html).toContain(bar("text", "Text"));
    expect(html).not.toContain("<tag>");
    expect(env.problems).toEqual([
      {
        severity: "warning",
        code: "code-unknown-language",
        message: 'Unknown code language "foobar"; shown as plain text',
        hint: expect.stringMatching(/^Use one of: json, .*bash.*, text$/),
        line: 5,
      },
    ]);
  });

  it("renders a fence inside a list item within the <li>", () => {
    const html = render("1. Body:\n\n    ```json\n    {\"a\": 1}\n    ```\n\n1. Next\n");
    const item = /<li>\s*<p>Body:<\/p>([\s\S]*?)<\/li>/.exec(html);
    expect(item?.[1]).toContain(bar("json", "JSON"));
    expect(item?.[1]).toContain("--shiki-light:");
  });

  it("falls back to an escaped <pre class=\"shiki\"> when the highlighter gives nothing", () => {
    expect(render("```\n<x>\n```\n", recordingEnv(), noHighlighter)).toBe(
      bar("text", "Text") + '<pre class="shiki"><code>&lt;x&gt;</code></pre></div>\n',
    );
  });

  it("does not throw when env has no report function", () => {
    expect(() => render("```foobar\nx\n```\n", {})).not.toThrow();
  });
});

describe("a kramdown attribute list after a code block", () => {
  it("gives its classes and id to the block's wrapper, after ours, as kramdown puts them on the outer element", () => {
    const html = renderAs("kramdown", '```json\n{"a": 1}\n```\n{: .wide #example}\n\n    indented\n{: .plain}\n');
    expect(html).toContain('<div class="code-block wide" id="example" data-lang=');
    expect(html).toContain('<div class="code-block plain" data-lang="text">');
  });
});
