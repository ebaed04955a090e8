import type { MarkdownIt, StateBlock } from "markdown-it";

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

/** A start tag's name at the start of a line. */
const START_TAG = /^<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)/;
/** kramdown's span-level elements (HTML_SPAN_ELEMENTS): a line starting with one is a paragraph's. */
const SPAN_ELEMENTS = new Set(
  "a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strike strong sub sup textarea tt u var".split(" "),
);
/** Elements without content (kramdown's HTML_ELEMENTS_WITHOUT_BODY): the block is their line. */
const VOID_ELEMENTS = new Set("area base col command embed hr keygen link meta param source track wbr".split(" "));
/** Elements whose content is text, not markup: CommonMark's rule already ends them at their end tag. */
const RAW_TEXT = new Set(["script", "pre", "style", "textarea"]);
/** CommonMark's block-level names (type 6), which may interrupt a paragraph; other tags may not. */
const BLOCK_NAMES = new Set(
  (
    "address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset " +
    "figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu " +
    "menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul"
  ).split(" "),
);

/**
 * kramdown's HTML blocks, where CommonMark's differ in ways legacy pages rely on:
 * - an element is a block up to its own end tag, so Markdown on the next line is Markdown
 *   (`<div class="box">…</div>` then `## Step two`), and blank lines inside it stay raw HTML;
 * - a line starting with a span-level element (`<img>`, `<br>`, `<a>`) is a paragraph, so the caption or list
 *   under an image is Markdown.
 * An element whose end tag never comes ends at a blank line, as in CommonMark (kramdown would take the rest of the
 * page into it). Comments, `<pre>`, `<script>` and the like keep CommonMark's rule.
 */
export function kramdownHtmlBlocks(md: MarkdownIt): void {
  // markdown-it's own rule, for what CommonMark and kramdown read alike (its rule list is not in its types).
  const rules = (md.block.ruler as unknown as { __rules__: Array<{ name: string; fn: BlockRule }> }).__rules__;
  const commonMark = rules.find((rule) => rule.name === "html_block")?.fn;
  if (!commonMark) return;
  const rule: BlockRule = (state, startLine, endLine, silent) => {
    const start = state.bMarks[startLine] + state.tShift[startLine];
    if (state.sCount[startLine] - state.blkIndent >= 4 || !state.md.options.html || state.src.charCodeAt(start) !== 0x3c /* < */) return false;
    const tag = START_TAG.exec(state.src.slice(start, state.eMarks[startLine]));
    const name = tag?.[1].toLowerCase();
    if (name === undefined || RAW_TEXT.has(name)) return commonMark(state, startLine, endLine, silent);
    if (SPAN_ELEMENTS.has(name)) return false;
    if (silent) return BLOCK_NAMES.has(name);
    const next = lineAfterElement(state, startLine, endLine, name, start);
    if (next === undefined) return commonMark(state, startLine, endLine, silent);
    const token = state.push("html_block", "", 0);
    token.map = [startLine, next];
    token.content = state.getLines(startLine, next, state.blkIndent, true);
    state.line = next;
    return true;
  };
  md.block.ruler.at("html_block", rule, { alt: ["paragraph", "reference", "blockquote"] });
}

/**
 * The line after the one holding the end tag of the element starting at `start` (same-named elements inside it
 * counted), within the block it is in; its own line for an element without content. Undefined when none comes.
 */
function lineAfterElement(state: StateBlock, startLine: number, endLine: number, name: string, start: number): number | undefined {
  const tags = new RegExp(`<(/?)${name}(?=[\\s/>])[^>]*>`, "gi");
  const firstLine = state.src.slice(start, state.eMarks[startLine]);
  const opening = tags.exec(firstLine);
  if (!opening || opening.index !== 0) return undefined;
  if (VOID_ELEMENTS.has(name) || opening[0].endsWith("/>")) return startLine + 1;
  if (!hasEndTagAfter(state.src, name, start)) return undefined;
  let depth = 0;
  for (let line = startLine; line < endLine; line++) {
    // A line outside the block this element is in (a list item's, a quote's) ends the search.
    if (line > startLine && state.sCount[line] < state.blkIndent && !state.isEmpty(line)) return undefined;
    const text = line === startLine ? firstLine : state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
    tags.lastIndex = 0;
    for (let found = tags.exec(text); found; found = tags.exec(text)) {
      if (found[1]) depth--;
      else if (!found[0].endsWith("/>")) depth++;
      if (depth === 0) return line + 1;
    }
  }
  return undefined;
}

/** The page's text in lower case, made once a page: whether an end tag comes at all is one search. */
let lowered: { src: string; lower: string } | undefined;

function hasEndTagAfter(src: string, name: string, from: number): boolean {
  if (lowered?.src !== src) lowered = { src, lower: src.toLowerCase() };
  return lowered.lower.indexOf(`</${name}`, from) !== -1;
}
