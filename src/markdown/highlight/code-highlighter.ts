import type { HighlighterCore, TokensResult } from "shiki";
import { createHighlighterCore } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";
import { highlightingPackageVersions } from "./highlighting-packages.ts";
import { DualThemeTokenizer, MAX_HIGHLIGHTED_LINE } from "./dual-theme-tokens.ts";
import { CODE_LANGUAGES, findCodeLanguage, type CodeLanguage } from "./languages.ts";
import { readableColoursKey, readableThemes, THEMES } from "./readable-themes.ts";
import { tokensToHtml } from "./tokens-to-html.ts";

export interface CodeHighlighter {
  /** Shiki's `<pre class="shiki ...">` HTML, or undefined when `lang` is not supported (caller shows plain text). */
  highlight(code: string, lang: string): string | undefined;
  /** Canonical names of the supported languages, for hints. */
  readonly languages: readonly string[];
  /** Adds results saved by an earlier build (see persistent-cache.ts); they are trusted as they are. */
  seed(entries: Iterable<readonly [string, string]>): void;
  /** The results looked up or computed since the last call, to save for the next build. */
  takeUsedEntries(): Array<[string, string]>;
}

/** What the highlighter asks of Shiki (src/markdown/highlight/dual-theme-tokens.ts); lets tests wrap the real one to count calls. */
export interface ShikiTokenizer {
  codeToTokens(code: string, lang: CodeLanguage["shikiId"]): TokensResult;
}

/**
 * The meaning of a saved entry. Raise it when that changes: its key (`<Shiki language id>\0<code>`), the options
 * given to codeToTokens, or the markup tokensToHtml writes (a test holds that to Shiki's own codeToHtml).
 * 2: Shiki's time limit lifted (entries of 1 may hold lines cut short); keyed by Shiki's id, not our name.
 * 3: a token in the block's own colours is bare text, not a span.
 * (The themes' colours that readable-themes.ts replaces are part of the key on their own.)
 */
export const HIGHLIGHT_CACHE_FORMAT = 3;

/**
 * Everything the highlighted HTML depends on besides the code and its language: a persisted cache is only
 * read under the same key, so an entry saved by another version can never reach a page.
 */
export function highlighterCacheKey(): string {
  const packages = Object.entries(highlightingPackageVersions()).map(([name, version]) => `${name}@${version}`);
  return [`format-${HIGHLIGHT_CACHE_FORMAT}`, ...packages, "js-engine", `max-line-${MAX_HIGHLIGHTED_LINE}`, `colours-${readableColoursKey()}`, THEMES.light, THEMES.dark].join(";");
}

let shikiPromise: Promise<HighlighterCore> | undefined;
let tokenizerPromise: Promise<ShikiTokenizer> | undefined;
let highlighterPromise: Promise<CodeHighlighter> | undefined;

/**
 * The process-wide Shiki instance: loading grammars costs far more than highlighting. Shiki's core, given our
 * themes by name: Shiki's full bundle imports all 230 of its languages and 60 themes, which made the generator's
 * bundle 13 MB, and esbuild took 1.3 s and 228 MiB to make it on a fresh clone's first build.
 */
export function loadShiki(): Promise<HighlighterCore> {
  shikiPromise ??= readableThemes()
    .then((themes) =>
      createHighlighterCore({
        // github-light and github-dark, with the colours that fail WCAG AA on their backgrounds replaced.
        themes,
        // None yet: each grammar is loaded when a block first needs it (src/markdown/highlight/grammar-loader.ts).
        langs: [],
        // The JavaScript regex engine starts in 40 ms instead of 240 ms for Oniguruma's WebAssembly and
        // tokenised the 3,000 example blocks of a 1,500-page tree in 1.0 s instead of 1.8 s, with
        // byte-identical output (checked block by block when this was chosen).
        engine: createJavaScriptRegexEngine(),
      }),
    )
    .catch((error: unknown) => {
      shikiPromise = undefined; // let a later call retry instead of caching the failure
      throw error;
    });
  return shikiPromise;
}

/** The process-wide tokenizer over loadShiki()'s instance: both themes from one run of the grammar. */
export function loadTokenizer(): Promise<ShikiTokenizer> {
  tokenizerPromise ??= loadShiki().then(
    (shiki) => new DualThemeTokenizer(shiki, THEMES),
    (error: unknown) => {
      tokenizerPromise = undefined;
      throw error;
    },
  );
  return tokenizerPromise;
}

/** The process-wide CodeHighlighter, so its result cache is shared by every page. */
export function createCodeHighlighter(): Promise<CodeHighlighter> {
  highlighterPromise ??= loadTokenizer().then(
    (shiki) => codeHighlighterFromShiki(shiki),
    (error: unknown) => {
      highlighterPromise = undefined;
      throw error;
    },
  );
  return highlighterPromise;
}

/** A CodeHighlighter whose Shiki loads only when asked to (deferredCodeHighlighter). */
export interface DeferredCodeHighlighter extends CodeHighlighter {
  /** Blocks left out so far because they were not in the cache and Shiki was not loaded yet. */
  readonly missed: number;
  /** Loads Shiki (once); every block is highlighted from then on. */
  load(): Promise<void>;
}

/**
 * A CodeHighlighter that answers from its cache without Shiki, and loads Shiki only when `load()` is called: a
 * block that needs Shiki before then gives undefined (nothing is cached) and counts in `missed`, for the caller
 * to render again after `load()`. The live preview's first page waits for no grammar (about 0.2 s of CPU).
 */
export function deferredCodeHighlighter(): DeferredCodeHighlighter {
  let shiki: ShikiTokenizer | undefined;
  const highlighter = codeHighlighterFromShiki(() => shiki);
  return Object.assign(highlighter, {
    load: async () => {
      shiki ??= await loadTokenizer();
    },
  });
}

/**
 * A CodeHighlighter with its own result cache over the given Shiki instance, or over a getter of one still
 * loading: while it gives undefined, a block not in the cache is counted in `missed` instead.
 */
export function codeHighlighterFromShiki(shiki: ShikiTokenizer | (() => ShikiTokenizer | undefined)): CodeHighlighter & { readonly missed: number } {
  // Many pages repeat the same example request/response; key on Shiki's id, the grammar that decides the
  // HTML, so `js` and `javascript` share entries and a saved entry never depends on our table of names.
  const cache = new Map<string, string>();
  // Keys used since the last takeUsedEntries(): what a build used is what the next build may need.
  let used = new Set<string>();
  let missed = 0;
  return {
    get missed() {
      return missed;
    },
    languages: CODE_LANGUAGES.map((l) => l.name),
    seed(entries) {
      for (const [key, html] of entries) cache.set(key, html);
    },
    takeUsedEntries() {
      const entries = [...used].map((key): [string, string] => [key, cache.get(key)!]);
      used = new Set();
      return entries;
    },
    highlight(code, lang) {
      const language = findCodeLanguage(lang);
      if (!language) return undefined;
      // Fences end with a newline; Shiki would show it as an empty last line.
      const source = code.endsWith("\n") ? code.slice(0, -1) : code;
      const key = `${language.shikiId}\0${source}`;
      let html = cache.get(key);
      if (html === undefined) {
        const tokenizer = typeof shiki === "function" ? shiki() : shiki;
        if (!tokenizer) {
          missed++;
          return undefined;
        }
        const tokens = tokenizer.codeToTokens(source, language.shikiId);
        html = tokensToHtml(tokens);
        cache.set(key, html);
      }
      used.add(key);
      return html;
    },
  };
}
