import type { MarkdownIt, StateBlock, Token } from "markdown-it";
import { wrapRule } from "./wrap-rule.ts";

/**
 * kramdown's table cells: a row may have more cells than the header, and the table is as wide as its widest row
 * (shorter rows, the header too, get empty cells); a `|` inside a code span is part of the code. markdown-it cuts
 * every row to the header's width, so the text of the extra cells was lost, and splits code spans at their pipes.
 */
export function kramdownTableCells(md: MarkdownIt): void {
  wrapRule(md.block.ruler, "table", (original) => (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
    const first = state.tokens.length;
    const found = original(state, startLine, endLine, silent);
    if (found && !silent) recellRows(state, first);
    return found;
  });
}

interface Row {
  /** Indexes of the inline tokens of the cells markdown-it made (the header's width). */
  cells: number[];
  /** Index of the row's `tr_close` token. */
  close: number;
  tag: "th" | "td";
  /** Cells as kramdown reads the row's line. */
  written: string[];
}

function recellRows(state: StateBlock, first: number): void {
  const tokens = state.tokens;
  const rows: Row[] = [];
  let width = 0;
  for (let i = first; i < tokens.length; i++) {
    const open = tokens[i];
    if (open.type !== "tr_open" || !open.map) continue;
    const cells: number[] = [];
    let close = i + 1;
    for (; tokens[close].type !== "tr_close"; close++) if (tokens[close].type === "inline") cells.push(close);
    const written = splitRow(lineText(state, open.map[0]));
    rows.push({ cells, close, tag: tokens[i + 1]?.tag === "th" ? "th" : "td", written });
    width = Math.max(width, written.length, cells.length);
    i = close;
  }
  // From the last row up, so the indexes of the rows above stay valid as cells are added.
  for (let r = rows.length - 1; r >= 0; r--) {
    const { cells, close, tag, written } = rows[r];
    cells.forEach((index, c) => (tokens[index].content = (written[c] ?? "").trim()));
    if (cells.length >= width) continue;
    const level = tokens[close - 1].level; // the last cell's close token
    const added: Token[] = [];
    for (let c = cells.length; c < width; c++) added.push(...cell(state, tag, written[c] ?? "", level));
    tokens.splice(close, 0, ...added);
  }
}

/** A block element holding one line of inline text (a table cell, a definition term): its open, inline and close tokens. */
export function cell(state: StateBlock, tag: "th" | "td" | "dt", text: string, level: number): Token[] {
  const open = new state.Token(`${tag}_open`, tag, 1);
  const inline = new state.Token("inline", "", 0);
  inline.content = text.trim();
  inline.children = [];
  const close = new state.Token(`${tag}_close`, tag, -1);
  open.level = close.level = level;
  inline.level = level + 1;
  for (const token of [open, inline, close]) token.block = true;
  return [open, inline, close];
}

/** A line of the source without its indent and trailing blanks. */
export function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]).trimEnd();
}

/**
 * A row's cells as kramdown reads them: split at each `|` outside code spans and `<code>` elements; `\|` is a `|`
 * in the cell; the pipes at either end are optional.
 */
export function splitRow(text: string): string[] {
  const cells: string[] = [];
  let current = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x60) {
      i = codeSpanEnd(text, i) - 1;
    } else if (ch === 0x3c && CODE_ELEMENT.test(text.slice(i, i + 6))) {
      const end = text.indexOf("</code>", i);
      if (end !== -1) i = end + "</code>".length - 1;
    } else if (ch === 0x7c) {
      if (i > 0 && text.charCodeAt(i - 1) === 0x5c) {
        current += text.slice(from, i - 1);
        from = i;
      } else {
        cells.push(current + text.slice(from, i));
        current = "";
        from = i + 1;
      }
    }
  }
  cells.push(current + text.slice(from));
  if (cells.length > 0 && cells[0].trim() === "") cells.shift();
  if (cells.length > 0 && cells[cells.length - 1].trim() === "") cells.pop();
  return cells;
}

const CODE_ELEMENT = /^<code[\s>]/;

/** After the code span opened by the backticks at `start` (closed by as many backticks), or after those backticks. */
export function codeSpanEnd(text: string, start: number): number {
  let open = start;
  while (text.charCodeAt(open) === 0x60) open++;
  const length = open - start;
  for (let i = open; i < text.length; ) {
    if (text.charCodeAt(i) !== 0x60) {
      i++;
      continue;
    }
    let run = i;
    while (text.charCodeAt(run) === 0x60) run++;
    if (run - i === length) return run;
    i = run;
  }
  return open;
}
