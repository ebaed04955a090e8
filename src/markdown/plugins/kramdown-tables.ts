import type { MarkdownIt, StateBlock } from "markdown-it";
import { START_TAG_SOURCE } from "./html-syntax.ts";
import { cell, codeSpanEnd, lineText, splitRow } from "./kramdown-table-cells.ts";
import { wrapRule } from "./wrap-rule.ts";

/** A separator line: `|---|:--:|`, `+---+---+`; a footer separator: `|===|===|`. As kramdown's TABLE_SEP_LINE and TABLE_FSEP_LINE. */
const SEPARATOR = /^[+|: \t-]*-[+|: \t-]*$/;
const FOOTER_SEPARATOR = /^[+|: \t=]*=[+|: \t=]*$/;

/**
 * The tables kramdown makes and markdown-it's GFM tables do not: a table without a header (every line of a block
 * holds a `|`), several header rows above the separator line, separator lines further down (each starts another
 * `<tbody>`), and a footer below a `|===|` line. A table of one header row, its separator on the next line and body
 * rows only is left to markdown-it's rule (and src/markdown/plugins/kramdown-table-cells.ts), as its output is
 * kramdown's there. As kramdown, a table stands between blank lines (an attribute list may follow it directly), and
 * a table without body rows is no table.
 */
export function kramdownTables(md: MarkdownIt): void {
  // Where kramdown looks for a table: after headings, lists, code and HTML blocks, before a paragraph.
  md.block.ruler.before("paragraph", "kramdown_table", (state, startLine, endLine, silent) => kramdownTable(state, startLine, endLine, silent));
  // markdown-it's rule comes first, and takes a table whose second line is a separator: one with more separator
  // lines or a footer below is kramdown's to make.
  wrapRule(md.block.ruler, "table", (original) => (state: StateBlock, startLine: number, endLine: number, silent: boolean) =>
    kramdownTable(state, startLine, endLine, silent, true) || original(state, startLine, endLine, silent),
  );
}

/** The table of kramdown's starting at `startLine`; with `onlyMore`, only one that markdown-it's rule would cut short. */
function kramdownTable(state: StateBlock, startLine: number, endLine: number, silent: boolean, onlyMore = false): boolean {
  const lines: TableLine[] = [];
  let line = startLine;
  for (; line < endLine; line++) {
    if (state.sCount[line] < state.blkIndent || state.sCount[line] - state.blkIndent >= 4) break;
    const text = lineText(state, line);
    if (!hasPipe(text)) break;
    lines.push({ text, line });
  }
  if (lines.length === 0 || (line < endLine && !state.isEmpty(line) && !ATTRIBUTE_LINE.test(lineText(state, line)))) return false;
  if (onlyMore ? !hasMoreThanGfm(lines) : isGfmTable(lines)) return false;
  const table = tableOf(lines);
  if (!table) return false;
  if (silent) return true;
  pushTable(state, table, [startLine, line]);
  state.line = line;
  return true;
}

/** A line that is only an attribute list (`{: .table}`), which kramdown gives the block above it. */
const ATTRIBUTE_LINE = /^\{:(?!:)[^}]*\}[ \t]*$/;

interface TableLine {
  text: string;
  line: number;
}

interface Section {
  tag: "thead" | "tbody" | "tfoot";
  /** Each row's cells, and its line in the source. */
  rows: Array<{ cells: string[]; line: number }>;
}

/** The sections of a table as kramdown reads its lines, with the alignment of its columns; undefined if no body. */
function tableOf(lines: readonly TableLine[]): { sections: Section[]; alignment: string[] } | undefined {
  const sections: Section[] = [];
  let rows: Section["rows"] = [];
  let alignment: string[] | undefined;
  let footer = false;
  const close = (tag: Section["tag"]) => {
    if (rows.length > 0) sections.push({ tag, rows });
    rows = [];
  };
  for (const { text, line } of lines) {
    if (SEPARATOR.test(text)) {
      // Separator lines before any row are ignored; the first after rows ends the header, as long as none came.
      if (rows.length === 0) continue;
      if (alignment === undefined && !footer) {
        close("thead");
        alignment = [...text.matchAll(/[ \t]?(:?)-+(:?)[ \t]?/g)].map(([, left, right]) => (left && right ? "center" : right ? "right" : left ? "left" : ""));
      } else if (!footer) close("tbody");
    } else if (FOOTER_SEPARATOR.test(text)) {
      close("tbody");
      footer = true;
    } else {
      rows.push({ cells: splitRow(text), line });
    }
  }
  close(footer ? "tfoot" : "tbody");
  return sections.some((section) => section.tag === "tbody") ? { sections, alignment: alignment ?? [] } : undefined;
}

/** One header row, the separator below it and body rows only: markdown-it's own table. */
function isGfmTable(lines: readonly TableLine[]): boolean {
  return lines.length > 2 && !SEPARATOR.test(lines[0].text) && SEPARATOR.test(lines[1].text) && !hasMoreThanGfm(lines);
}

/**
 * A header row and its separator, then another separator line or a footer's further down; or separator lines
 * first, which kramdown passes over and markdown-it would make a header of.
 */
function hasMoreThanGfm(lines: readonly TableLine[]): boolean {
  if (lines.length > 2 && SEPARATOR.test(lines[0].text)) return true;
  return lines.length > 2 && SEPARATOR.test(lines[1].text) && lines.slice(2).some(({ text }) => SEPARATOR.test(text) || FOOTER_SEPARATOR.test(text));
}

function pushTable(state: StateBlock, { sections, alignment }: NonNullable<ReturnType<typeof tableOf>>, map: [number, number]): void {
  const width = Math.max(...sections.flatMap((section) => section.rows.map((row) => row.cells.length)));
  const open = state.push("table_open", "table", 1);
  open.map = map;
  for (const { tag, rows } of sections) {
    state.push(`${tag}_open`, tag, 1);
    for (const { cells: written, line } of rows) {
      // As markdown-it's own: a row has its line, its cells none (src/render/inspect/content-inspector.ts).
      state.push("tr_open", "tr", 1).map = [line, line + 1];
      for (let c = 0; c < width; c++) {
        const [cellOpen, inline, cellClose] = cell(state, tag === "thead" ? "th" : "td", written[c] ?? "", state.level);
        if (alignment[c]) cellOpen.attrSet("style", `text-align:${alignment[c]}`);
        // Pushed one by one: a row of tens of thousands of cells is more arguments than a call takes.
        state.tokens.push(cellOpen, inline, cellClose);
      }
      state.push("tr_close", "tr", -1);
    }
    state.push(`${tag}_close`, tag, -1);
  }
  state.push("table_close", "table", -1);
}

/**
 * Whether the line holds a `|` that is not escaped, not in a code span and not in an HTML element (`<code>a|b</code>`,
 * `<img src="…|…">`): kramdown's sign of a table line.
 */
function hasPipe(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x60) i = codeSpanEnd(text, i) - 1;
    else if (ch === 0x3c) i = htmlSpanEnd(text, i) - 1;
    else if (ch === 0x7c && (i === 0 || text.charCodeAt(i - 1) !== 0x5c)) return true;
  }
  return false;
}

const START_TAG = new RegExp(`^${START_TAG_SOURCE}`);

/** After the HTML element starting at `start` on the line (its end tag, else its start tag), or after the `<`. */
function htmlSpanEnd(text: string, start: number): number {
  const tag = START_TAG.exec(text.slice(start));
  if (!tag) return start + 1;
  const afterTag = start + tag[0].length;
  if (tag[0].endsWith("/>")) return afterTag;
  const close = new RegExp(`</${tag[1]}`, "gi");
  close.lastIndex = afterTag;
  const end = close.exec(text);
  return end === null ? afterTag : end.index + end[0].length;
}
