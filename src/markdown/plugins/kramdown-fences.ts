import type { MarkdownIt, StateBlock } from "markdown-it";
import { wrapRule } from "./wrap-rule.ts";

/**
 * kramdown's closing fence: inside a list item, a fence line written at the margin (less indented than the item's
 * text) still closes the code block, and the list goes on. CommonMark ends the item there instead, and the margin
 * fence then opens a new block that swallows the rest of the page. The code's own indentation is removed up to the
 * opening fence's, as CommonMark does (kramdown would keep it).
 */
export function kramdownFences(md: MarkdownIt): void {
  wrapRule(md.block.ruler, "fence", (original) => (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
    const found = original(state, startLine, endLine, silent);
    if (!found || silent) return found;
    const fence = state.tokens[state.tokens.length - 1];
    const next = state.line;
    // Closed by its own fence, or ended by the end of the text: nothing to change.
    if (next >= endLine || (next - 1 > startLine && isClosingFence(state, next - 1, fence.markup, true))) return true;
    // The line that ended it is outdented: when it is a closing fence, it closes this block.
    if (state.sCount[next] < state.blkIndent && isClosingFence(state, next, fence.markup, false)) {
      state.line = next + 1;
      if (fence.map) fence.map[1] = state.line;
    }
    return true;
  });
}

/** A line of at least as many of the opening fence's characters and nothing else; `inBlock`: indented as markdown-it requires. */
function isClosingFence(state: StateBlock, line: number, markup: string, inBlock: boolean): boolean {
  if (inBlock && (state.sCount[line] < state.blkIndent || state.sCount[line] - state.blkIndent >= 4)) return false;
  const start = state.bMarks[line] + state.tShift[line];
  const max = state.eMarks[line];
  const marker = markup.charCodeAt(0);
  const end = state.skipChars(start, marker);
  return end - start >= markup.length && state.skipSpaces(end) >= max;
}
