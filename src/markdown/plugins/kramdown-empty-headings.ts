import type { MarkdownIt, StateBlock } from "markdown-it";
import { wrapRule } from "./wrap-rule.ts";

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

/** A line of heading markers and nothing else: `##`, `## ##`. */
const MARKERS_ONLY = /^#{1,6}(?:[ \t]+#*)*[ \t]*$/;

/**
 * kramdown reads a line of `#` markers with no text as text, not as an empty heading: `##` alone is a paragraph
 * `##`, and inside a paragraph (`text\n##\nmore`) the line goes on with it.
 */
export function kramdownEmptyHeadings(md: MarkdownIt): void {
  wrapRule<BlockRule>(md.block.ruler, "heading", (original) => (state, startLine, endLine, silent) => {
    const line = state.src.slice(state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine]);
    if (MARKERS_ONLY.test(line)) return false;
    return original(state, startLine, endLine, silent);
  });
}
