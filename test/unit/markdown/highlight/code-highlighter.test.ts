import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import {
  codeHighlighterFromShiki,
  createCodeHighlighter,
  deferredCodeHighlighter,
  highlighterCacheKey,
  loadShiki,
  loadTokenizer,
  type ShikiTokenizer,
} from "../../../../src/markdown/highlight/code-highlighter.ts";
import { loadGrammar } from "../../../../src/markdown/highlight/grammar-loader.ts";
import { CODE_LANGUAGES } from "../../../../src/markdown/highlight/languages.ts";

const highlighter = await createCodeHighlighter();

describe("createCodeHighlighter", () => {
  it("is one highlighter per process", async () => {
    expect(await createCodeHighlighter()).toBe(highlighter);
  });

  it("emits both themes as CSS variables and no fixed colour", () => {
    const html = highlighter.highlight('{"id": 12345}', "json")!;
    expect(html).toMatch(/^<pre class="shiki shiki-themes github-light github-dark"/);
    expect(html).toMatch(/^<pre[^>]*style="[^"]*--shiki-light-bg:[^"]*--shiki-dark-bg:/);
    expect(html).toMatch(/<span style="--shiki-light:#[0-9A-Fa-f]+;--shiki-dark:#[0-9A-Fa-f]+">"id"<\/span>/);
    expect(html).not.toMatch(/[";]\s*(background-)?color:/);
    expect(html).toMatch(/<\/code><\/pre>$/);
  });

  it("strips exactly one trailing newline", () => {
    expect(highlighter.highlight("a = 1\n", "python")).toBe(highlighter.highlight("a = 1", "python"));
    const twoNewlines = highlighter.highlight("x\n\n", "text")!;
    expect(twoNewlines.match(/<span class="line">/g)).toHaveLength(2);
  });

  it("returns undefined for a language it does not support", () => {
    expect(highlighter.highlight("x", "foobar")).toBeUndefined();
    expect(highlighter.highlight("x", "rust")).toBeUndefined();
  });

  it.each([
    ["js", "javascript"],
    ["ts", "typescript"],
    ["sh", "bash"],
    ["shell", "bash"],
    ["shellscript", "bash"],
    ["curl", "bash"],
    ["yml", "yaml"],
    ["py", "python"],
    ["JSON", "json"],
    ["plaintext", "text"],
    ["txt", "text"],
    ["", "text"],
  ])("treats %j as %s", (alias, name) => {
    const code = "GET /contacts?where=name='Ada'";
    expect(highlighter.highlight(code, alias)).toBe(highlighter.highlight(code, name));
  });

  it.each(["json", "bash", "javascript", "typescript", "xml", "html", "yaml", "java", "python", "http", "sql", "jsonc", "json5"])(
    "highlights %s with coloured tokens",
    (lang) => {
      expect(highlighter.languages).toContain(lang);
      expect(highlighter.highlight("a", lang)).toContain("--shiki-light:");
    },
  );

  it("escapes plain text", () => {
    const html = highlighter.highlight('<ACME_USERNAME> & "x"', "text")!;
    expect(html).not.toContain("<ACME_USERNAME>");
    expect(html).toMatch(/(&lt;|&#x3C;)ACME_USERNAME>/);
  });
});

/** The real Shiki, counting how often it is asked to tokenise. */
async function countingShiki(): Promise<{ shiki: ShikiTokenizer; calls: () => number; reset: () => void }> {
  const real = await loadTokenizer();
  let calls = 0;
  const shiki: ShikiTokenizer = {
    codeToTokens: (...args: Parameters<ShikiTokenizer["codeToTokens"]>) => {
      calls++;
      return real.codeToTokens(...args);
    },
  };
  return { shiki, calls: () => calls, reset: () => (calls = 0) };
}

describe("result cache", () => {
  it("returns the identical string without asking Shiki again", async () => {
    const counter = await countingShiki();
    const cached = codeHighlighterFromShiki(counter.shiki);

    const first = cached.highlight('{"a": 1}\n', "json");
    const second = cached.highlight('{"a": 1}\n', "json");
    expect(second).toBe(first);
    expect(counter.calls()).toBe(1);

    // Aliases share entries; other code or another language does not.
    cached.highlight('{"a": 1}', "JSON");
    expect(counter.calls()).toBe(1);
    cached.highlight('{"a": 2}', "json");
    cached.highlight('{"a": 1}', "javascript");
    expect(counter.calls()).toBe(3);
  });
});

describe("highlighterCacheKey", () => {
  it("names the cache format, the Shiki version and both themes", () => {
    const { version } = createRequire(import.meta.url)("shiki/package.json") as { version: string };
    const key = highlighterCacheKey();
    expect(key).toMatch(/^format-\d+;/);
    expect(key).toContain(`shiki@${version}`);
    expect(key).toContain("github-light");
    expect(key).toContain("github-dark");
  });
});

describe("markup", () => {
  // Saved HTML is keyed by the Shiki version, so the markup must follow Shiki's own: a change to tokensToHtml that
  // fails this must raise HIGHLIGHT_CACHE_FORMAT, or caches saved before it would keep the old markup.
  const samples = [
    '{"id": 12345, "name": "A & <B>", "tags": [true, null]}',
    'curl -X POST "https://api.test/v1/contacts?where=name%3D1" \\\n  -H "Authorization: Bearer $TOKEN"   # create',
    "const x = `a ${b}`;  // trailing\n\tif (x < 2) { run(x); }",
    "  indented <tag attr='1'>&amp;</tag>\n\n",
  ];
  it.each(CODE_LANGUAGES.map((l) => [l.name, l.shikiId] as const))(
    "is byte for byte Shiki's codeToHtml for %s, but for tokens in the block's own colours, which are bare text",
    async (name, shikiId) => {
      const shiki = await loadShiki();
      loadGrammar(shiki, shikiId);
      const options = { lang: shikiId, themes: { light: "github-light", dark: "github-dark" }, defaultColor: false, tokenizeTimeLimit: 0 } as const;
      for (const sample of samples) {
        const shikis = shiki.codeToHtml(sample.replace(/\n$/, ""), options);
        const [, light, dark] = /^<pre [^>]*style="--shiki-light:(#\w+);--shiki-dark:(#\w+);/.exec(shikis)!;
        const inherited = new RegExp(`<span(?: style="--shiki-light:${light};--shiki-dark:${dark}")?>([^<]*)</span>`, "gi");
        expect(highlighter.highlight(sample, name)).toBe(shikis.replace(inherited, "$1"));
      }
    },
  );

  it("writes no span that only repeats the block's own colours", () => {
    const html = highlighter.highlight('{"id": [1, 2], "name": "Ada"}', "json")!;
    expect(html).toContain('<span class="line">{<span style="--shiki-light:#005CC5;--shiki-dark:#79B8FF">"id"</span>: [');
    expect(html).not.toMatch(/<span style="--shiki-light:#24292e;--shiki-dark:#e1e4e8">/i);
    expect(html).not.toContain("<span>");
  });
});

describe("persistence between builds", () => {
  it("serves seeded results without Shiki and reports what was used", async () => {
    const counter = await countingShiki();
    const first = codeHighlighterFromShiki(counter.shiki);
    first.highlight('{"saved": true}', "json");
    first.highlight("echo unused-later", "bash");
    const saved = first.takeUsedEntries();
    expect(saved).toHaveLength(2);
    expect(first.takeUsedEntries()).toEqual([]);

    const next = codeHighlighterFromShiki(counter.shiki);
    next.seed(saved);
    counter.reset();
    expect(next.highlight('{"saved": true}', "json")).toBe(saved.find(([key]) => key.startsWith("json"))![1]);
    expect(counter.calls()).toBe(0);
    // Only what this build used is kept for the one after it.
    expect(next.takeUsedEntries().map(([key]) => key)).toEqual(['json\0{"saved": true}']);
  });
});

describe("determinism", () => {
  it("never gives up on a slow line: Shiki's 500 ms per-line limit left lines uncoloured on a busy machine", async () => {
    const shiki = await loadShiki();
    loadGrammar(shiki, "shellscript");
    const grammar = shiki.getLanguage("shellscript");
    const limits: unknown[] = [];
    const tokenizeLine = grammar.tokenizeLine;
    grammar.tokenizeLine = function (this: typeof grammar, ...args: Parameters<typeof tokenizeLine>) {
      limits.push(args[2]);
      return tokenizeLine.apply(this, args);
    };
    try {
      codeHighlighterFromShiki(await loadTokenizer()).highlight("curl -X POST https://x.test", "bash");
    } finally {
      grammar.tokenizeLine = tokenizeLine;
    }
    expect(limits).toEqual([0]);
  });
});

describe("deferredCodeHighlighter", () => {
  it("answers from its cache without Shiki, leaves other blocks out (uncached, counted) until loaded, then highlights", async () => {
    const deferred = deferredCodeHighlighter();
    const seeded: [string, string] = ['json\0{"id": 1}', "<pre>from an earlier build</pre>"];
    deferred.seed([seeded]);
    expect(deferred.highlight('{"id": 1}\n', "json")).toBe(seeded[1]);
    expect(deferred.missed).toBe(0);
    expect(deferred.highlight("x = 1", "python")).toBeUndefined();
    expect(deferred.highlight("x", "foobar")).toBeUndefined();
    expect(deferred.missed).toBe(1);
    expect(deferred.takeUsedEntries()).toEqual([seeded]);

    await deferred.load();
    expect(deferred.highlight("x = 1", "python")).toBe(highlighter.highlight("x = 1", "python"));
    expect(deferred.missed).toBe(1);
  });
});
