// Jekyll's Liquid strictness: undefined variables and unknown filters render as Jekyll renders them, and are
// reported at their line, as warnings unless _config.yml sets liquid.strict_variables / strict_filters.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../../src/build/build-site.ts";
import { writeFiles } from "../../support/fixture-tree.ts";

const STRICT = "title: T\nliquid:\n  error_mode: strict\n  strict_variables: true\n  strict_filters: true\n";
const LENIENT = "title: T\nliquid:\n  error_mode: strict\n";

/** Builds a tree whose docs/p.md has `body` (front matter keys `title` and `elementKey`); returns problems and HTML. */
async function build(body: string, config = LENIENT, files: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-strictness-"));
  writeFiles(dir, {
    "_config.yml": config,
    "docs/p.md": `---\ntitle: T\nlayout: none\nelementKey: acme\n---\n${body}`,
    ...files,
  });
  const site = await buildSite({ sourceDir: dir, cacheDir: false });
  const html = site.outputs.find((o) => o.outputPath === "docs/p.html")?.html ?? "";
  // The page's own text, without the policy tag every page starts with.
  return { diagnostics: site.diagnostics.items, text: html.replace(/^<meta[^>]*>\n?/, "").trim() };
}

describe("an undefined variable", () => {
  it("renders as an empty string and is a warning at its line and column without strict_variables", async () => {
    const { diagnostics, text } = await build("A[{{ page.missing }}]B\n");
    expect(text).toBe("<p>A[]B</p>");
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file: "docs/p.md",
        line: 6,
        column: 6,
        severity: "warning",
        code: "liquid-undefined-variable",
        message: 'Undefined variable "page.missing"',
      }),
    ]);
  });

  it("is an error with strict_variables: true, and still renders as an empty string", async () => {
    const { diagnostics, text } = await build("A[{{ page.missing }}]B\n", STRICT);
    expect(text).toBe("<p>A[]B</p>");
    expect(diagnostics).toEqual([expect.objectContaining({ severity: "error", code: "liquid-undefined-variable" })]);
  });

  it("keeps the did-you-mean hint for a misspelled front matter key", async () => {
    const { diagnostics } = await build("{{ page.elementKy }}\n");
    expect(diagnostics[0].hint).toBe("Did you mean page.elementKey?");
  });

  it("inside an include is reported at the include's line with the chain of include tags", async () => {
    const { diagnostics, text } = await build("\n{% include outer.md %}\n", LENIENT, {
      "_includes/outer.md": "Outer\n{% include inner.md %}",
      "_includes/inner.md": "Inner[{{ include.who }}]",
    });
    expect(text).toBe("<p>Outer\nInner[]</p>");
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file: "_includes/inner.md",
        line: 1,
        column: 10,
        severity: "warning",
        message: 'Undefined variable "include.who"',
        chain: ["docs/p.md:7", "_includes/outer.md:2"],
      }),
    ]);
  });

  it("reports every undefined variable of one tag, and the tag still runs as in Jekyll", async () => {
    const { diagnostics, text } = await build('[{{ page.a | append: page.b | append: "!" }}] {% include x.md p=page.c %}\n', LENIENT, {
      "_includes/x.md": "included",
    });
    expect(text).toBe("<p>[!] included</p>");
    expect(diagnostics.map((d) => [d.message, d.column])).toEqual([
      ['Undefined variable "page.a"', 5],
      ['Undefined variable "page.b"', 22],
      ['Undefined variable "page.c"', 65],
    ]);
  });

  it("is not reported where Jekyll content tests for an optional value: if, unless, default, assign", async () => {
    const { diagnostics, text } = await build(
      '{% if page.x %}x{% else %}no x{% endif %} {% unless page.y %}no y{% endunless %} {{ page.z | default: "dz" }}' +
        " {% assign w = page.w %}[{{ w }}]\n",
      STRICT,
    );
    expect(text).toBe("<p>no x no y dz []</p>");
    expect(diagnostics).toEqual([]);
  });
});

describe("an unknown filter", () => {
  it("passes its value through and is a warning at the filter's line and column without strict_filters", async () => {
    const { diagnostics, text } = await build('{{ "quiet" | shout | upcase }}\n');
    expect(text).toBe("<p>QUIET</p>");
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file: "docs/p.md",
        line: 6,
        column: 14,
        severity: "warning",
        code: "liquid-unknown-filter",
        message: 'Unknown filter "shout"; the value passes through unchanged',
      }),
    ]);
  });

  it("is an error with strict_filters: true, and the value still passes through", async () => {
    const { diagnostics, text } = await build('{{ "quiet" | shout }}\n', STRICT);
    expect(text).toBe("<p>quiet</p>");
    expect(diagnostics).toEqual([expect.objectContaining({ severity: "error", code: "liquid-unknown-filter" })]);
  });

  it("suggests the nearest filter, and names the include chain", async () => {
    const { diagnostics } = await build("{% include x.md %}\n", LENIENT, { "_includes/x.md": '{{ "a" | upcasse }}' });
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: "_includes/x.md", line: 1, column: 10, hint: "Did you mean upcase?", chain: ["docs/p.md:6"] }),
    ]);
  });
});

it("keeps syntax errors errors whatever the strictness (Jekyll's error_mode: strict)", async () => {
  const { diagnostics } = await build("{% if page.title %}never closed\n");
  expect(diagnostics).toEqual([expect.objectContaining({ file: "docs/p.md", severity: "error" })]);
});
