import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../../../src/markdown/create-markdown.ts";
import { markdownSettings } from "../../../../src/markdown/kramdown-settings.ts";
import { getHeadings } from "../../../../src/markdown/plugins/heading-ids.ts";
import { noHighlighter, recordingEnv, renderAs } from "../helpers.ts";

const BRIEF = `"quoted" -- it's...\n`;

describe("kramdown-typography", () => {
  it("sets quotes, an en dash and an ellipsis", () => {
    expect(renderAs("kramdown", BRIEF)).toBe("<p>“quoted” – it’s…</p>\n");
  });

  it("with kramdown off, keeps the characters as typed", () => {
    expect(renderAs("commonmark", BRIEF)).toBe("<p>&quot;quoted&quot; -- it's...</p>\n");
  });

  it("writes --- as an em dash and << >> as guillemets, a space inside them as a no-break space", () => {
    expect(renderAs("kramdown", "a---b <<x>> << y >>\n")).toBe("<p>a—b «x» «\u00a0y\u00a0»</p>\n");
  });

  it("follows kramdown's quote rules: decades, nested quotes, quotes around markup, after a tag", () => {
    expect(renderAs("kramdown", `the '80s, "'Quoted' words", "*emph*", <i>Custer</i>'s, rock 'n' roll\n`)).toBe(
      "<p>the ’80s, “‘Quoted’ words”, “<em>emph</em>”, <i>Custer</i>’s, rock ‘n’ roll</p>\n",
    );
  });

  it("reads a quote at the start of a line after a line break as kramdown does", () => {
    expect(renderAs("kramdown", `one\n'two' "three"\n`)).toBe("<p>one\n‘two’ “three”</p>\n");
  });

  it("never changes code spans, code blocks, HTML attributes or URLs", () => {
    const html = renderAs(
      "kramdown",
      [
        `Run \`"a" -- b...\` or <a href="x--y" title="it's">go</a> to [it](https://e.test/a--b'c "it's") <https://e.test/a--b>.`,
        "",
        "```",
        `"q" -- x...`,
        "```",
        "",
        `    'indented' --`,
        "",
        `<div title="it's -- raw">`,
        `"block" -- html`,
        "</div>",
        "",
      ].join("\n"),
    );
    expect(html).toContain("<code>&quot;a&quot; -- b...</code>");
    expect(html).toContain(`<a href="x--y" title="it's">go</a>`);
    expect(html).toContain(`<a href="https://e.test/a--b'c" title="it's" rel="noopener">it</a>`);
    expect(html).toContain(`<a href="https://e.test/a--b" rel="noopener">https://e.test/a--b</a>`);
    expect(html).toContain("<code>&quot;q&quot; -- x...</code>");
    expect(html).toContain("<code>'indented' --</code>");
    expect(html).toContain(`<div title="it's -- raw">\n"block" -- html\n</div>`);
  });

  it("reads everything with nothing to set as CommonMark does (its text stops where markdown-it's does)", () => {
    const text = [
      "A [link](/a) and ![img](b.png) with `code`, *em*, __strong__, ~~del~~, &amp; &copy; <span>x</span>",
      "<https://e.test> a\\*b 50% #1 @me {x} = y^2: done! a.b. - + | ~",
      "hard  ",
      "break\\",
      "end",
      "",
    ].join("\n");
    expect(renderAs("kramdown", text)).toBe(renderAs("commonmark", text));
  });

  it("keeps a heading's id: quotes do not change it, and dashes count as kramdown's do", () => {
    const env = recordingEnv();
    const md = createMarkdown({ highlighter: noHighlighter, flavor: "kramdown" });
    expect(md.render("## Get Your App's Keys\n\n## Before -- After\n", env)).toBe(
      '<h2 id="get-your-apps-keys">Get Your App’s Keys</h2>\n<h2 id="before--after">Before – After</h2>\n',
    );
    expect(getHeadings(env).map((h) => h.text)).toEqual(["Get Your App’s Keys", "Before – After"]);
  });

  it("writes what kramdown: smart_quotes and typographic_symbols name", () => {
    const settings = markdownSettings({ kramdown: { smart_quotes: "apos,apos,quot,quot", typographic_symbols: { hellip: "...", ndash: "&ndash;" } } });
    const md = createMarkdown({ highlighter: noHighlighter, ...settings });
    expect(md.render(BRIEF, recordingEnv())).toBe("<p>&quot;quoted&quot; &amp;ndash; it's...</p>\n");
  });
});
