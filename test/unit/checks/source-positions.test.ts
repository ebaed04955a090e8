// Problems found after Liquid and Markdown point back at the file and line the writer typed, through includes.
import { describe, expect, it } from "vitest";
import { checkFiles, page, where } from "./helpers.ts";

describe("positions of problems found in rendered content", () => {
  it("maps a link below a multi-line include, an if block and a for loop to its own line", async () => {
    const found = await checkFiles({
      "_includes/three.md": "one\n\ntwo\n\nthree\n",
      "docs/p.md": page(
        [
          "{% include three.md %}",
          "{% if page.title %}",
          "shown",
          "{% endif %}",
          "{% for i in (1..3) %}",
          "line {{ i }}",
          "{% endfor %}",
          "",
          "See [the missing page](missing.html).",
        ].join("\n"),
      ),
    });
    expect(found.map(where)).toEqual([{ file: "docs/p.md", line: 13, code: "link-broken" }]);
    expect(found[0].column).toBe(24);
  });

  it("maps a link inside an include to the include's line, with the chain that led there", async () => {
    const found = await checkFiles({
      "_includes/outer.md": "Intro\n\n{% include inner.md %}\n",
      "_includes/inner.md": "Text\n\nMore text, then [a link](gone.html).\n",
      "docs/p.md": page("\n{% include outer.md %}"),
    });
    expect(found).toEqual([
      expect.objectContaining({ file: "_includes/inner.md", line: 3, column: 26, code: "link-broken", chain: ["docs/p.md:6", "_includes/outer.md:3"] }),
    ]);
  });

  it("maps a link passed to an include as a parameter to the include tag that holds it", async () => {
    const found = await checkFiles({
      "_includes/callout.html": '<div markdown="span" class="callout">{{ include.content }}</div>',
      "docs/p.md": page('## Real\n\n{% include callout.html content="<a href=#real>Real</a></br><a href=#reall>Typo</a>" %}'),
    });
    expect(found).toEqual([expect.objectContaining({ file: "docs/p.md", line: 7, column: 69, code: "link-anchor", hint: "Did you mean #real?" })]);
    expect(found[0].chain).toBeUndefined();
  });

  it("points at the line inside a ```json block, also in an include and in a list item", async () => {
    const found = await checkFiles({
      "_includes/example.md": '```json\n{\n  "key": "{{ page.key }}",\n}\n```\n',
      "docs/a.md": page("\n{% include example.md %}", "title: A\nlayout: none\nkey: acme"),
      "docs/b.md": page('1. Send:\n\n    ```json\n    { "id": 1 "name": "x" }\n    ```\n'),
    });
    expect(found.map((d) => [d.file, d.line, d.column, d.code, d.chain])).toEqual([
      ["_includes/example.md", 3, 26, "json-example", ["docs/a.md:7"]],
      ["docs/b.md", 8, 15, "json-example", undefined],
    ]);
  });

  it("lets ```jsonc and ```json5 blocks and placeholders in strings pass", async () => {
    const found = await checkFiles({
      "docs/p.md": page('```jsonc\n{ "a": 1, // note\n}\n```\n\n```json5\n{ a: 1, }\n```\n\n```json\n{ "user": "<AUTOTASK_USERNAME>" }\n```\n'),
    });
    expect(found).toEqual([]);
  });

  it("warns about pseudo-tags the browser would swallow, but not in code or for known elements", async () => {
    const found = await checkFiles({
      "docs/p.md": page(
        [
          "Send `Authorization: User <user secret>` in code: fine.",
          "",
          "A <strong>real</strong> tag and a line<br>break: fine.",
          "",
          "    Authorization: User <indented code>",
          "",
          "Prose: Authorization: Element <instance-token>",
          "",
          "<token>",
        ].join("\n"),
      ),
    });
    expect(found.map((d) => [d.line, d.code, d.message])).toEqual([
      [11, "html-swallowed-tag", expect.stringContaining('"<instance-token>" reads as an HTML tag <instance-token>')],
      [13, "html-swallowed-tag", expect.stringContaining('"<token>"')],
    ]);
  });

  it("reports an unknown code language inside an include at the include's line", async () => {
    const found = await checkFiles({
      "_includes/code.md": "Text\n\n```cobolish\nx\n```\n",
      "docs/p.md": page("\n\n{% include code.md %}"),
    });
    expect(found).toEqual([
      expect.objectContaining({ file: "_includes/code.md", line: 3, code: "code-unknown-language", chain: ["docs/p.md:7"] }),
    ]);
  });

  it("counts lines of files written with Windows line endings", async () => {
    const found = await checkFiles({ "docs/p.md": "---\r\ntitle: T\r\nlayout: none\r\n---\r\n\r\nText\r\n\r\n[x](nope.html)\r\n" });
    expect(found.map(where)).toEqual([{ file: "docs/p.md", line: 8, code: "link-broken" }]);
  });
});

describe("Liquid variables defined on some pages and not others", () => {
  it("reports exactly the pages that lack the variable their include reads", async () => {
    const found = await checkFiles({
      "_includes/key.md": "The key is {{ page.elementKey }}.\n",
      "docs/elements/acme/index.md": page("{% include key.md %}", "heading: Acme\ntitle: Overview\nlayout: none\nelementKey: acme\norder: 1"),
      "docs/elements/acme/events.md": page("\n{% include key.md %}", "heading: Acme\ntitle: Events\nlayout: none\norder: 2"),
      "docs/elements/acme/bulk.md": page("{% include key.md %}", "heading: Acme\ntitle: Bulk\nlayout: none\nelementKey: acme\norder: 3"),
    });
    expect(found).toEqual([
      expect.objectContaining({
        file: "_includes/key.md",
        line: 1,
        code: "liquid-undefined-variable",
        chain: ["docs/elements/acme/events.md:8"],
      }),
    ]);
  });
});
