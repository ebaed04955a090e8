import { createHighlighterCore, type HighlighterCore } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";
import { describe, expect, it } from "vitest";
import { DualThemeTokenizer } from "../../../../src/markdown/highlight/dual-theme-tokens.ts";
import { loadGrammar } from "../../../../src/markdown/highlight/grammar-loader.ts";
import { CODE_LANGUAGES } from "../../../../src/markdown/highlight/languages.ts";
import { readableThemes, THEMES } from "../../../../src/markdown/highlight/readable-themes.ts";

/** A Shiki of our themes and engine, as the build makes it: no grammar loaded. */
async function freshShiki(): Promise<HighlighterCore> {
  return createHighlighterCore({ themes: await readableThemes(), langs: [], engine: createJavaScriptRegexEngine() });
}

// Code that reaches into what grammars embed: script and style in HTML, JSON and XML bodies in HTTP, shell in a
// console session, Java in XML.
const CODE = [
  '<p onclick="go()">x</p>\n<script>const a = { b: [1, "2"] };</script>\n<style>p { color: red; }</style>',
  'POST /v1 HTTP/1.1\nContent-Type: application/json\n\n{"a": [1, true, null]}',
  "$ curl -s https://api.example.test | jq .name\n\"Acme\"",
  '<?xml version="1.0"?>\n<a b="c"><![CDATA[ x ]]></a>',
  'import os\nx = f"{os.sep}"  # comment',
  "SELECT * FROM t WHERE a = 'b';",
  "key: [1, {a: b}]\nlist:\n  - 'x'",
];

describe("loadGrammar", () => {
  it("loads a grammar when a block first needs it, and no other", async () => {
    const shiki = await freshShiki();
    const tokenizer = new DualThemeTokenizer(shiki, THEMES);
    expect(shiki.getLoadedLanguages()).toEqual([]);
    tokenizer.codeToTokens('{"a": 1}', "json");
    tokenizer.codeToTokens("echo hi", "shellscript");
    // Shiki lists aliases too (bash, sh…): what matters is which of our languages have their grammar.
    const loaded = CODE_LANGUAGES.map((language) => language.shikiId).filter((id) => shiki.getLoadedLanguages().includes(id));
    expect(loaded).toEqual(["json", "shellscript"]);
  });

  it("gives each language the same tokens alone as beside every other grammar, in any order", async () => {
    const everything = await freshShiki();
    const languages = CODE_LANGUAGES.map((language) => language.shikiId);
    for (const lang of languages) loadGrammar(everything, lang);
    const reference = new DualThemeTokenizer(everything, THEMES);
    const differing: string[] = [];
    for (const lang of languages) {
      // A Shiki that has only this language's grammar, then one that got the others first, in reverse order.
      const alone = new DualThemeTokenizer(await freshShiki(), THEMES);
      const late = await freshShiki();
      for (const other of [...languages].reverse()) if (other !== lang) loadGrammar(late, other);
      const afterOthers = new DualThemeTokenizer(late, THEMES);
      for (const code of CODE) {
        const expected = JSON.stringify(reference.codeToTokens(code, lang).tokens);
        if (JSON.stringify(alone.codeToTokens(code, lang).tokens) !== expected) differing.push(`${lang} alone`);
        if (JSON.stringify(afterOthers.codeToTokens(code, lang).tokens) !== expected) differing.push(`${lang} after the others`);
      }
    }
    expect([...new Set(differing)]).toEqual([]);
  });
});
