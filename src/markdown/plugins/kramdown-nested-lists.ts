import type { MarkdownIt, StateBlock } from "markdown-it";
import { wrapRule } from "./wrap-rule.ts";

/** Per block parse: whether each list being parsed, innermost last, is ordered. */
const openLists = new WeakMap<StateBlock, boolean[]>();
/** Per block parse: the first line of each list moved into the item above it. */
const movedLines = new WeakMap<StateBlock, Set<number>>();

/**
 * kramdown's reading of a list of the other kind written under a list item's text without a blank line, indented
 * less than that text (`2. Configure:` then `  - sub one`): kramdown keeps every line up to a blank line in the
 * item (a "lazy" line), so the `-` lines are a list nested in item 2 and the numbering goes on. CommonMark ends
 * the ordered list there and starts a sibling list. Here those lines are moved, for the parser only, to the
 * item's indentation; the text itself is not changed, so source lines stay right.
 */
export function kramdownNestedLists(md: MarkdownIt): void {
  wrapRule(md.block.ruler, "list", (original) => (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
    if (silent) return original(state, startLine, endLine, silent);
    let stack = openLists.get(state);
    if (!stack) openLists.set(state, (stack = []));
    const first = state.src.charCodeAt(state.bMarks[startLine] + state.tShift[startLine]);
    stack.push(first >= 0x30 && first <= 0x39);
    try {
      return original(state, startLine, endLine, silent);
    } finally {
      stack.pop();
    }
  });

  // Consulted only while a paragraph looks for its end: placed first so that it sees the line before CommonMark's
  // list rule ends the paragraph (and the item) there.
  md.block.ruler.before("table", "kramdown_nested_list", (state: StateBlock, line: number, endLine: number, silent: boolean) => {
    if (!silent || state.parentType !== "paragraph") return false;
    if (movedLines.get(state)?.has(line)) return true;
    const indent = state.sCount[line];
    if (indent >= state.blkIndent || indent < state.listIndent) return false;
    const enclosing = openLists.get(state)?.at(-1);
    if (enclosing === undefined) return false;
    const kind = markerKind(state, line);
    if (kind === undefined || (kind === "ordered") === enclosing) return false;
    moveIntoItem(state, line, endLine, enclosing);
    return true; // ends the paragraph; the moved lines are then read as a list inside the item
  }, { alt: ["paragraph"] });
}

/**
 * Indents the nested list's lines (up to a blank line or the enclosing list's next item) by what brings its first
 * marker to the item's text, keeping how they are indented relative to each other.
 */
function moveIntoItem(state: StateBlock, first: number, endLine: number, enclosingOrdered: boolean): void {
  let moved = movedLines.get(state);
  if (!moved) movedLines.set(state, (moved = new Set()));
  const shift = state.blkIndent - state.sCount[first];
  for (let line = first; line < endLine && !state.isEmpty(line); line++) {
    const indent = state.sCount[line];
    if (line > first && indent < state.blkIndent) {
      const kind = markerKind(state, line);
      // The enclosing list's next item, or an item of a list further out: the nested list ends above it.
      if (kind !== undefined && ((kind === "ordered") === enclosingOrdered || indent < state.listIndent)) break;
    }
    state.sCount[line] = indent + shift;
  }
  moved.add(first);
}

/** "ordered" for `1.` / `1)`, "bullet" for `-`, `*`, `+`, each followed by a space and some text; else undefined. */
function markerKind(state: StateBlock, line: number): "ordered" | "bullet" | undefined {
  let pos = state.bMarks[line] + state.tShift[line];
  const max = state.eMarks[line];
  const src = state.src;
  const ch = src.charCodeAt(pos);
  let kind: "ordered" | "bullet";
  if (ch === 0x2d || ch === 0x2a || ch === 0x2b) {
    kind = "bullet";
    pos++;
  } else {
    const digits = pos;
    while (pos < max && pos - digits < 10 && src.charCodeAt(pos) >= 0x30 && src.charCodeAt(pos) <= 0x39) pos++;
    const delimiter = src.charCodeAt(pos);
    if (pos === digits || (delimiter !== 0x2e && delimiter !== 0x29)) return undefined;
    kind = "ordered";
    pos++;
  }
  const space = src.charCodeAt(pos);
  if (space !== 0x20 && space !== 0x09) return undefined;
  return state.skipSpaces(pos) < max ? kind : undefined;
}
