import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { loadShiki } from "../../../../src/markdown/highlight/code-highlighter.ts";
import { DualThemeTokenizer, MAX_HIGHLIGHTED_LINE } from "../../../../src/markdown/highlight/dual-theme-tokens.ts";
import { loadGrammar } from "../../../../src/markdown/highlight/grammar-loader.ts";
import { CODE_LANGUAGES } from "../../../../src/markdown/highlight/languages.ts";
import { THEMES } from "../../../../src/markdown/highlight/readable-themes.ts";

const shiki = await loadShiki();
const tokenizer = new DualThemeTokenizer(shiki, THEMES);

/** Shiki's own answer for both themes, one grammar run per theme. */
function shikis(code: string, lang: (typeof CODE_LANGUAGES)[number]["shikiId"]) {
  loadGrammar(shiki, lang);
  return shiki.codeToTokens(code, { lang, themes: THEMES, defaultColor: false, tokenizeTimeLimit: 0, tokenizeMaxLineLength: MAX_HIGHLIGHTED_LINE });
}

/** The tokens and the block's colours, as plain data: grammar state objects are Shiki's internals. */
function comparable(result: ReturnType<typeof shikis>): unknown {
  const { grammarState: _state, ...rest } = result;
  return JSON.parse(JSON.stringify(rest));
}

// Examples of the kinds element guides carry, and text that makes grammars change state: embedded languages,
// strings and comments over several lines, escapes, empty and blank lines, tabs, non-ASCII text, a long line.
const SAMPLES: Record<string, string> = {
  json: '{\n  "id": 42,\n  "name": "Acme \\"CRM\\"",\n  "tags": ["a", "b"],\n  "nested": { "ok": true, "none": null, "n": -1.5e3 }\n}',
  jsonc: '{\n  // a comment\n  "a": 1, /* inline */ "b": [1, 2,],\n}',
  json5: "{\n  unquoted: 'single',\n  hex: 0xFF,\n  trailing: [1, 2,],\n}",
  shellscript:
    "#!/bin/bash\ncurl -X POST \"https://api.example.test/v2/contacts?limit=$LIMIT\" \\\n  -H 'Authorization: User abc, Organization def' \\\n  -d @- <<EOF\n{\"name\": \"$(whoami)\"}\nEOF\nfor i in {1..3}; do echo \"$i\" | grep -q 2 && break; done # done",
  shellsession: "$ npm run build\n> element-guides@0.1.0 build\nBuilt 12 pages in 0.4 s\n$ echo $?\n0",
  javascript:
    "// a comment\nconst re = /a\\/b+/g;\nexport async function get(id) {\n  const res = await fetch(`/api/${id}?x=${1 + 2}`);\n  return res.ok ? res.json() : null; /* end */\n}\nclass A extends B { #p = 1; static get x() { return this.#p; } }",
  typescript:
    "interface Contact<T = string> {\n  id: number;\n  name?: T;\n}\ntype Keys = keyof Contact & `on${string}`;\nconst c = <Contact>{ id: 1 } satisfies Partial<Contact>;\nenum E { A = 1, B }\n@decorator() class X implements Y {}",
  xml: '<?xml version="1.0" encoding="UTF-8"?>\n<!-- comment -->\n<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">\n  <soap:Body><![CDATA[ <raw> & text ]]></soap:Body>\n</soap:Envelope>',
  html:
    '<!doctype html>\n<html lang="en">\n<head>\n  <style>\n    body { color: #123; }\n  </style>\n  <script>\n    const x = "</div>"; if (x) { alert(1); }\n  </script>\n</head>\n<body onload="init()"><a href="/x?a=1&amp;b=2">link</a></body>\n</html>',
  yaml: "---\nheading: Autotask CRM\nlist:\n  - one\n  - 'two'\n  - \"three\"\nblock: |\n  line one\n\n  line three, after an empty line\nfolded: >-\n  a\n\n  b\nanchor: &a { x: 1 }\nref: *a\n# comment\nempty:\n",
  java: 'package a.b;\nimport java.util.*;\n/** Javadoc {@link X} */\npublic final class Main<T> {\n  @Override public String toString() { return "x" + \'c\' + 1_000L; }\n}',
  python:
    'import os\n\n@dataclass\nclass Contact:\n    """A docstring\n    over two lines."""\n    name: str = f"{os.sep!r:>10}"\n\n    def go(self, *args, **kw) -> None:\n        return [x ** 2 for x in range(3) if x]  # comment\n',
  http: 'POST /v2/contacts HTTP/1.1\nHost: api.example.test\nContent-Type: application/json\n\n{"name": "Acme"}',
  sql: "SELECT c.id, COUNT(*) AS n -- comment\nFROM contacts c\nLEFT JOIN orders o ON o.contact_id = c.id\nWHERE c.name LIKE 'A%' AND c.created > '2024-01-01'\nGROUP BY c.id HAVING n > 1;\n/* block\n comment */",
  text: "plain text\n\twith a tab and ünïcödé",
  edges: '\n\n  \n\t\t\nx\n' + "word ".repeat(400) + "\n\u00a0\u2028end \"unterminated\n'also",
};

describe("DualThemeTokenizer", () => {
  const languages = CODE_LANGUAGES.map((language) => language.shikiId);

  it.each(languages)("gives Shiki's own tokens, colours and block styles for %s, on every sample", (lang) => {
    const differing: string[] = [];
    for (const [name, code] of Object.entries(SAMPLES)) {
      if (!isDeepStrictEqual(comparable(tokenizer.codeToTokens(code, lang)), comparable(shikis(code, lang)))) differing.push(name);
    }
    expect(differing).toEqual([]);
  });

  it("writes each theme's colours in the order the themes are given, as Shiki does", () => {
    const darkFirst = { dark: THEMES.dark, light: THEMES.light };
    const reversed = new DualThemeTokenizer(shiki, darkFirst);
    for (const lang of ["json", "yaml", "python"] as const) {
      const theirs = shiki.codeToTokens(SAMPLES[lang], { lang, themes: darkFirst, defaultColor: false, tokenizeTimeLimit: 0 });
      expect(comparable(reversed.codeToTokens(SAMPLES[lang], lang))).toEqual(comparable(theirs));
    }
    expect(Object.keys(reversed.codeToTokens('{"a": 1}', "json").tokens[0][1].htmlStyle ?? {})[0]).toBe("--shiki-dark");
  });

  it("gives Shiki's tokens for code nested past its depth limit, which Shiki's own path takes", () => {
    let deep = '"leaf"';
    for (let level = 0; level < 40; level++) deep = `{\n  "k${level}": [${deep}, 1]\n}`;
    const oneLine = "[".repeat(300) + "]".repeat(300);
    for (const code of [deep, oneLine, `{"shallow": true}\n${oneLine}`]) {
      expect(comparable(tokenizer.codeToTokens(code, "json"))).toEqual(comparable(shikis(code, "json")));
    }
  });

  it("leaves a line too long to highlight in bounded time as plain text, and highlights the lines around it", () => {
    // One long identifier: the JavaScript grammar's time on it grows far faster than its length.
    const long = `x = ${"a".repeat(MAX_HIGHLIGHTED_LINE + 500)};`;
    const code = ["const before = 1;", long, "const after = 2;"].join("\n");
    const result = tokenizer.codeToTokens(code, "javascript");
    expect(comparable(result)).toEqual(comparable(shikis(code, "javascript")));
    expect(result.tokens[1].map((token) => token.content)).toEqual([long]);
    for (const line of [0, 2]) expect(result.tokens[line].length).toBeGreaterThan(3);
  });

  it("shares one frozen style object among the tokens of a pair of colours", () => {
    const [line] = tokenizer.codeToTokens('{"a": "b", "c": "d"}', "json").tokens;
    const [a, c] = ['"a"', '"c"'].map((content) => line.find((token) => token.content === content)!);
    // Two keys, in one colour: one object, which no token can change for the others.
    expect(a.htmlStyle).toBe(c.htmlStyle);
    expect(Object.isFrozen(a.htmlStyle)).toBe(true);
  });

  it("forgets the scope paths it remembers past its limit (HTML attribute names are scopes), still giving Shiki's tokens", () => {
    const small = new DualThemeTokenizer(shiki, THEMES, 200);
    const page = (round: number) => Array.from({ length: 150 }, (_, i) => `<a data-r${round}-${i}="1">x</a>`).join("\n");
    expect(comparable(small.codeToTokens(page(1), "html"))).toEqual(comparable(shikis(page(1), "html")));
    const afterOne = small.rememberedPaths;
    expect(afterOne).toBeGreaterThan(200);
    // Over the limit: the next call starts afresh instead of adding its own names to the first call's.
    expect(comparable(small.codeToTokens(page(2), "html"))).toEqual(comparable(shikis(page(2), "html")));
    expect(small.rememberedPaths).toBeLessThan(afterOne * 1.5);
  });

  it("runs each grammar once per line, where Shiki runs it once per theme", () => {
    loadGrammar(shiki, "json");
    const grammar = shiki.getLanguage("json");
    let lines = 0;
    const tokenizeLine = grammar.tokenizeLine;
    const tokenizeLine2 = grammar.tokenizeLine2;
    grammar.tokenizeLine = function (this: typeof grammar, ...args: Parameters<typeof tokenizeLine>) {
      lines++;
      return tokenizeLine.apply(this, args);
    };
    grammar.tokenizeLine2 = function (this: typeof grammar, ...args: Parameters<typeof tokenizeLine2>) {
      lines++;
      return tokenizeLine2.apply(this, args);
    };
    try {
      tokenizer.codeToTokens(SAMPLES.json, "json");
      expect(lines).toBe(SAMPLES.json.split("\n").length);
      lines = 0;
      shikis(SAMPLES.json, "json");
      expect(lines).toBe(2 * SAMPLES.json.split("\n").length);
    } finally {
      grammar.tokenizeLine = tokenizeLine;
      grammar.tokenizeLine2 = tokenizeLine2;
    }
  });

  // Last: it changes this file's Shiki instance.
  it("starts afresh for a grammar loaded again (a language that injects into it was loaded since)", async () => {
    const code = "const s = css`a { color: red; }`;";
    tokenizer.codeToTokens(code, "javascript");
    await shiki.loadLanguage(import("shiki/langs/ts-tags.mjs"));
    expect(comparable(tokenizer.codeToTokens(code, "javascript"))).toEqual(comparable(shikis(code, "javascript")));
  });
});
