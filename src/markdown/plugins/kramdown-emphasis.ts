import type { MarkdownIt, StateInline } from "markdown-it";
import { wrapRule } from "./wrap-rule.ts";

const STAR = 0x2a;

/** kramdown's `\s`: ASCII whitespace only (a no-break space is not one). */
function isAsciiSpace(ch: number): boolean {
  return ch === 0x20 || (ch >= 0x09 && ch <= 0x0d);
}

/**
 * kramdown's rule for `*` and `**`: a run opens when whitespace does not follow it and closes when whitespace does
 * not precede it, wherever it stands in a word. So `/contacts**?where=x**&page=1` has a strong part, where
 * CommonMark's flanking rules (punctuation beside a letter) leave the stars as text. `_` keeps CommonMark's rule,
 * which agrees with kramdown's in words (`snake_case_name` has no emphasis in either).
 */
export function kramdownEmphasis(md: MarkdownIt): void {
  wrapRule(md.inline.ruler, "emphasis", (original) => (state: StateInline, silent: boolean) => {
    const start = state.pos;
    if (state.src.charCodeAt(start) !== STAR) return original(state, silent);
    if (silent) return false;
    let end = start;
    while (end < state.posMax && state.src.charCodeAt(end) === STAR) end++;
    const before = start > 0 ? state.src.charCodeAt(start - 1) : 0x20;
    const after = end < state.posMax ? state.src.charCodeAt(end) : 0x20;
    const length = end - start;
    // One text token and one delimiter per star, as markdown-it's own rule makes them for its pairing step.
    for (let i = 0; i < length; i++) {
      state.push("text", "", 0).content = "*";
      state.delimiters.push({
        marker: STAR,
        length,
        token: state.tokens.length - 1,
        end: -1,
        open: !isAsciiSpace(after),
        close: !isAsciiSpace(before),
      });
    }
    state.pos = end;
    return true;
  });
}
