import type { MarkdownIt, StateInline } from "markdown-it";

/**
 * kramdown's second way to break a line: two backslashes at its end (`First line\\`), as well as two spaces. Read
 * as CommonMark, the first escapes the second, and the page showed a backslash where the line should break.
 */
export function kramdownLineBreaks(md: MarkdownIt): void {
  md.inline.ruler.before("escape", "kramdown_line_break", (state: StateInline, silent: boolean) => {
    const { src, pos } = state;
    if (src.charCodeAt(pos) !== 0x5c /* \ */ || src.charCodeAt(pos + 1) !== 0x5c || src.charCodeAt(pos + 2) !== 0x0a /* \n */) return false;
    if (!silent) state.push("hardbreak", "br", 0);
    let next = pos + 3;
    // The next line's indentation is not text, as after any line break.
    while (next < state.posMax && (src.charCodeAt(next) === 0x20 || src.charCodeAt(next) === 0x09)) next++;
    state.pos = next;
    return true;
  });
}
