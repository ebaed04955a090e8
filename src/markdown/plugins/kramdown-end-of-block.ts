import type { MarkdownIt, StateBlock } from "markdown-it";

/**
 * kramdown's end-of-block marker: a line of only `^` ends the block before it and writes nothing, so that two
 * lists or a list and a paragraph after it stay apart. Read as CommonMark it was a paragraph, or a list item's
 * text, showing `^`.
 */
export function kramdownEndOfBlock(md: MarkdownIt): void {
  md.block.ruler.before("paragraph", "kramdown_end_of_block", endOfBlock, { alt: ["paragraph", "list", "blockquote"] });
}

function endOfBlock(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const begin = state.bMarks[startLine] + state.tShift[startLine];
  if (state.src.charCodeAt(begin) !== 0x5e /* ^ */ || state.src.slice(begin + 1, state.eMarks[startLine]).trim() !== "") return false;
  if (!silent) state.line = startLine + 1;
  return true;
}
