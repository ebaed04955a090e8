import type { MarkdownIt, StateBlock, StateInline } from "markdown-it";
import type { MarkdownEnv } from "../markdown-env.ts";
import { inlineLine } from "./inline-lines.ts";

/**
 * kramdown's extensions, as blocks and within a paragraph: `{::comment}…{:/comment}` is left out of the page (a
 * writer's note must never be published), `{::nomarkdown}…{:/nomarkdown}` is passed through as it is, and
 * `{::options … /}` (kramdown's own settings) is dropped, with a warning. Either end tag, `{:/name}` or `{:/}`, closes. An
 * extension that is never closed stays as text, with a warning: hiding the rest of the page would be worse.
 */
export function kramdownExtensions(md: MarkdownIt): void {
  md.block.ruler.before("paragraph", "kramdown_extension", blockExtension, { alt: ["paragraph", "reference", "blockquote", "list"] });
  md.inline.ruler.before("text", "kramdown_extension", inlineExtension);
}

const START = /^\{::(comment|nomarkdown|options)\b([^}]*?)(\/)?\}/;

/** Where the body of extension `name` ends in `text` from `from`: the end tag's start and end, or undefined. */
function endTag(text: string, name: string, from: number): { start: number; end: number } | undefined {
  const tag = new RegExp(`\\{:/(?:${name})?\\}`, "g");
  tag.lastIndex = from;
  const found = tag.exec(text);
  return found ? { start: found.index, end: found.index + found[0].length } : undefined;
}

/** The last text searched in vain for an end tag, and from where: one of many `{::comment}` is searched once. */
let noEndAfter: { src: string; name: string; from: number } | undefined;

function blockExtension(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const begin = state.bMarks[startLine] + state.tShift[startLine];
  // Every line start of every page comes here: most are over at their first character.
  if (state.src.charCodeAt(begin) !== 0x7b /* { */ || state.sCount[startLine] - state.blkIndent >= 4) return false;
  const matched = START.exec(state.src.slice(begin, state.eMarks[startLine]));
  if (!matched) return false;
  const [whole, name, , selfClosed] = matched;
  let lastLine = startLine;
  let body = "";
  if (!selfClosed && name !== "options") {
    const bodyStart = begin + whole.length;
    const known = noEndAfter && noEndAfter.src === state.src && noEndAfter.name === name && bodyStart >= noEndAfter.from;
    const end = known ? undefined : endTag(state.src, name, bodyStart);
    if (!end) {
      if (!known) noEndAfter = { src: state.src, name, from: bodyStart };
      if (!silent) warnUnclosed(state.env, name, startLine);
      return false;
    }
    // The block ends on the end tag's line, which must hold nothing after it.
    while (lastLine < endLine && state.eMarks[lastLine] < end.start) lastLine++;
    if (lastLine >= endLine || state.src.slice(end.end, state.eMarks[lastLine]).trim() !== "") return false;
    body = state.src.slice(bodyStart, end.start);
  } else if (state.src.slice(begin + whole.length, state.eMarks[startLine]).trim() !== "") {
    return false;
  }
  if (silent) return true;
  if (name === "options") warnOptions(state.env, matched[2], startLine);
  if (name === "nomarkdown") {
    const token = state.push("html_block", "", 0);
    token.content = body.replace(/^\n/, "") + (body.endsWith("\n") ? "" : "\n");
    token.map = [startLine, lastLine + 1];
  }
  state.line = lastLine + 1;
  return true;
}

/** START where the text is, not at its start: no copy of the rest of a paragraph at each `{::`. */
const START_HERE = new RegExp(START.source.slice(1), "y");

function inlineExtension(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x7b /* { */ || !state.src.startsWith("{::", state.pos)) return false;
  START_HERE.lastIndex = state.pos;
  const matched = START_HERE.exec(state.src);
  if (!matched) return false;
  const [whole, name, , selfClosed] = matched;
  let next = state.pos + whole.length;
  let body = "";
  if (!selfClosed && name !== "options") {
    if (noEndAfter && noEndAfter.src === state.src && noEndAfter.name === name && next >= noEndAfter.from) return false;
    const end = endTag(state.src, name, next);
    if (!end) {
      noEndAfter = { src: state.src, name, from: next };
      // At a paragraph's start the block rule has reported it, at its line.
      if (!silent && state.pos > 0) warnUnclosed(state.env, name, inlineLine(state));
      return false;
    }
    body = state.src.slice(next, end.start);
    next = end.end;
  }
  if (!silent && name === "nomarkdown") state.push("html_inline", "", 0).content = body;
  if (!silent && name === "options") warnOptions(state.env, matched[2], inlineLine(state));
  state.pos = next;
  return true;
}

/** `{::options … /}` sets kramdown's options from there on; here they come from `_config.yml` alone. */
function warnOptions(env: Partial<MarkdownEnv> | undefined, options: string, line: number | undefined): void {
  if (options.trim() === "") return;
  env?.report?.({
    severity: "warning",
    code: "kramdown-options-ignored",
    message: `{::options${options}/} is not applied: kramdown options set in a page do not change how it renders here`,
    hint: "Set the option for every page under kramdown: in _config.yml (hard_wrap, toc_levels, auto_id_prefix and parse_block_html apply), or remove the line.",
    ...(line === undefined ? {} : { line: line + 1 }),
  });
}

function warnUnclosed(env: Partial<MarkdownEnv> | undefined, name: string, line: number | undefined): void {
  env?.report?.({
    severity: "warning",
    code: "kramdown-extension-unclosed",
    message: `{::${name}} is never closed, so it is shown as text`,
    hint: `End it with {:/${name}}${name === "comment" ? ": until then the note is published" : ""}.`,
    ...(line === undefined ? {} : { line: line + 1 }),
  });
}
