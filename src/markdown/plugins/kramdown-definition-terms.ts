import type { MarkdownIt, StateBlock, Token } from "markdown-it";
import { cell } from "./kramdown-table-cells.ts";
import { wrapRule } from "./wrap-rule.ts";

/**
 * kramdown's definition lists with several terms to one definition, a term a line:
 *
 *     apple
 *     pear
 *     : A fruit.
 *
 * markdown-it-deflist takes one line as the term, so these lines stayed a paragraph, `: A fruit.` in it. The list
 * is made from its last term by markdown-it-deflist, and the lines above it become terms before that one.
 */
export function kramdownDefinitionTerms(md: MarkdownIt): void {
  wrapRule(md.block.ruler, "deflist", (original) => (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
    if (original(state, startLine, endLine, silent)) return true;
    if (silent) return false;
    // The lines of text down to the first definition; markdown-it-deflist checks that one follows.
    let last = startLine;
    while (last + 1 < endLine && isTermLine(state, last + 1)) last++;
    if (last === startLine) return false;
    const first = state.tokens.length;
    if (!original(state, last, endLine, false)) return false;
    const list = state.tokens[first];
    list.map = [startLine, list.map?.[1] ?? state.line];
    const terms: Token[] = [];
    for (let line = startLine; line < last; line++) {
      const [open, inline, close] = cell(state, "dt", state.getLines(line, line + 1, state.blkIndent, false), list.level + 1);
      open.map = inline.map = [line, line];
      terms.push(open, inline, close);
    }
    state.tokens.splice(first + 1, 0, ...terms);
    return true;
  });
}

/** Whether `line` may be a term: a line of text at the block's indent that is not a definition (`: …`). */
function isTermLine(state: StateBlock, line: number): boolean {
  if (state.isEmpty(line) || state.sCount[line] < state.blkIndent || state.sCount[line] - state.blkIndent >= 4) return false;
  const start = state.bMarks[line] + state.tShift[line];
  return !(state.src.charCodeAt(start) === 0x3a && /^[ \t]?$/.test(state.src.charAt(start + 1)));
}
