import type { MarkdownIt, StateInline } from "markdown-it";
import type { Typography, TypographicSymbol } from "../kramdown-settings.ts";
import { readQuote, type Quote } from "./smart-quotes.ts";

const QUOTE_INDEX: Record<Quote, number> = { lsquo: 0, rsquo: 1, ldquo: 2, rdquo: 3 };

const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const HYPHEN = 0x2d;
const DOT = 0x2e;
const LESS = 0x3c;
const GREATER = 0x3e;
const SPACE = 0x20;
/**
 * Where plain text stops so that another rule can look: markdown-it's own stop characters (its text rule, the
 * same in 14 and 15), where every other inline rule starts, plus the quotes. (`...` is checked apart: a lone dot is text.)
 */
const STOPS = new Uint8Array(128);
for (const ch of "\n!#$%&*+-:<=>@[\\]^_`{}~\"'") STOPS[ch.charCodeAt(0)] = 1;

/**
 * kramdown's typography, always on in kramdown: smart quotes (`smart_quotes`), `--` en dash, `---` em dash,
 * `...` ellipsis, `<<`/`>>` guillemets (with a no-break space when a space stands inside them). It is read from
 * the raw inline text, as kramdown does, so code spans, code blocks, raw HTML (tags, attributes, comments) and
 * link URLs never change: those are other tokens by then. Heading ids are computed from the typeset text, as
 * kramdown's are; github-slugger drops the quotes, so "App's" and "App’s" give the same id.
 */
export function kramdownTypography(md: MarkdownIt, typography: Typography): void {
  // Replaces markdown-it's text rule, which reads on over quotes and dots, with one that stops there too. (Wrapping
  // the original and scanning its text a second time made this plugin several times slower.)
  md.inline.ruler.at("text", (state: StateInline, silent: boolean) => {
    const src = state.src;
    const max = state.posMax;
    let pos = state.pos;
    for (; pos < max; pos++) {
      const ch = src.charCodeAt(pos);
      if (ch < 128 && STOPS[ch] === 1) break;
      if (ch === DOT && src.charCodeAt(pos + 1) === DOT && src.charCodeAt(pos + 2) === DOT) break;
    }
    if (pos === state.pos) return false;
    if (!silent) state.pending += src.slice(state.pos, pos);
    state.pos = pos;
    return true;
  });

  md.inline.ruler.after("text", "kramdown_typography", (state: StateInline, silent: boolean) => {
    if (silent) return false; // nothing here can hide a link's brackets: skipping one character at a time is right
    const ch = state.src.charCodeAt(state.pos);
    if (ch === DOUBLE_QUOTE || ch === SINGLE_QUOTE) return smartQuote(state, typography);
    const symbol = symbolAt(state);
    if (!symbol) return false;
    if (symbol.name === "raquo_space") state.pending = state.pending.slice(0, -1); // the space is part of the symbol
    state.push("text", "", 0).content = typography.symbols[symbol.name];
    state.pos += symbol.length;
    return true;
  });
}

function smartQuote(state: StateInline, typography: Typography): boolean {
  const last = state.tokens[state.tokens.length - 1];
  // kramdown still sees the character before the quote when it is plain text (or the line break before it).
  const withBefore = state.pending.length > 0 || (state.pos > 0 && (last?.type === "softbreak" || last?.type === "hardbreak"));
  const reading = readQuote(state.src, state.pos, withBefore);
  if (!reading || reading.end > state.posMax) return false;
  state.pending += reading.text;
  for (const quote of reading.quotes) state.push("text", "", 0).content = typography.quotes[QUOTE_INDEX[quote]];
  state.pos = reading.end;
  return true;
}

function symbolAt(state: StateInline): { name: TypographicSymbol; length: number } | undefined {
  const { src, pos, posMax } = state;
  const ch = src.charCodeAt(pos);
  const next = pos + 1 < posMax ? src.charCodeAt(pos + 1) : -1;
  const third = pos + 2 < posMax ? src.charCodeAt(pos + 2) : -1;
  switch (ch) {
    case HYPHEN:
      if (next !== HYPHEN) return undefined;
      return third === HYPHEN ? { name: "mdash", length: 3 } : { name: "ndash", length: 2 };
    case DOT:
      return next === DOT && third === DOT ? { name: "hellip", length: 3 } : undefined;
    case LESS:
      if (next !== LESS) return undefined;
      return third === SPACE ? { name: "laquo_space", length: 3 } : { name: "laquo", length: 2 };
    case GREATER:
      if (next !== GREATER) return undefined;
      return state.pending.endsWith(" ") ? { name: "raquo_space", length: 2 } : { name: "raquo", length: 2 };
    default:
      return undefined;
  }
}
