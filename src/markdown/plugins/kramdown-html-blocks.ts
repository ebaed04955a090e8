import type { MarkdownIt, StateBlock } from "markdown-it";
import { parseAttributes, START_TAG_SOURCE } from "./html-syntax.ts";
import { applyAttributes, readAttributeList, type AttributeList } from "./kramdown-ial.ts";

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
    const element = lineAfterElement(state, startLine, endLine, name, start);
    if (element === undefined) return commonMark(state, startLine, endLine, silent);
    const { line: next, end } = element;
    const token = state.push("html_block", "", 0);
    token.map = [startLine, next];
    token.content = state.getLines(startLine, next, state.blkIndent, true);
    state.line = next;
    // Text after the end tag on its line starts a paragraph, as in kramdown: `<div>…</div> and more`; an attribute
    // list there is the element's.
    const rest = state.src.slice(end, state.eMarks[next - 1]);
    if (rest.trim() !== "") {
      token.content = `${token.content.slice(0, token.content.length - rest.length - 1)}\n`;
      const list = ATTRIBUTE_LIST.exec(rest.trim());
      const attributes = list ? readAttributeList(list[1]) : undefined;
      if (attributes) token.content = withAttributes(state, token.content, attributes);
      else paragraphAfter(state, rest.trim(), next - 1, endLine);
    }
    return true;
  };
  md.block.ruler.at("html_block", rule, { alt: ["paragraph", "reference", "blockquote"] });
}

const ATTRIBUTE_LIST = /^\{:(?!:)([^}]*)\}$/;

/**
 * The HTML with its first start tag given the list's attributes as a block's are given them (applyAttributes:
 * classes added, the id and the others replaced).
 */
function withAttributes(state: StateBlock, html: string, list: AttributeList): string {
  const open = new RegExp(START_TAG_SOURCE).exec(html);
  if (!open) return html;
  const [text, name, attrs, close] = open;
  const tag = new state.Token("html_tag", name, 0);
  tag.attrs = parseAttributes(attrs).map((a): [string, string] => [a.name, a.value ?? ""]);
  applyAttributes(tag, list);
  return html.slice(0, open.index) + `<${name}${state.md.renderer.renderAttrs(tag)}${close}` + html.slice(open.index + text.length);
}

/**
 * The text after an element's end tag on its line as the start of a paragraph, whatever it starts with (`# x` is
 * no heading there, as in kramdown), and the lines below it that go on the paragraph as markdown-it's rule reads
 * them: up to a blank line or a block that may interrupt a paragraph.
 */
function paragraphAfter(state: StateBlock, text: string, line: number, endLine: number): void {
  const terminators = state.md.block.ruler.getRules("paragraph");
  const parentType = state.parentType;
  state.parentType = "paragraph";
  let next = line + 1;
  for (; next < endLine && !state.isEmpty(next); next++) {
    // Lazy and indented lines go on it, as in markdown-it's paragraph rule.
    if (state.sCount[next] - state.blkIndent > 3 || state.sCount[next] < 0) continue;
    if (terminators.some((rule) => rule(state, next, endLine, true))) break;
  }
  state.parentType = parentType;
  const open = state.push("paragraph_open", "p", 1);
  open.map = [line, next];
  const inline = state.push("inline", "", 0);
  inline.content = `${text}\n${state.getLines(line + 1, next, state.blkIndent, false)}`.trim();
  inline.map = [line, next];
  inline.children = [];
  state.push("paragraph_close", "p", -1);
  state.line = next;
}

/**
 * The line after the one holding the end tag of the element starting at `start` (same-named elements inside it
 * counted, comments passed over), within the block it is in, and where the end tag ends; its own line for an
 * element without content. When another element of the name opens on that line after it, the block runs on to
 * that one's end (kramdown reads them one after the other). Undefined when no end tag comes.
 */
function lineAfterElement(state: StateBlock, startLine: number, endLine: number, name: string, start: number): { line: number; end: number } | undefined {
  const opening = new RegExp(`^<${name}(?=[\\s/>])[^>]*>`, "i").exec(state.src.slice(start, state.eMarks[startLine]));
  if (!opening) return undefined;
  if (VOID_ELEMENTS.has(name) || opening[0].endsWith("/>")) return { line: startLine + 1, end: start + opening[0].length };
  const pairs = elementPairs(state.src, name);
  let end = pairs.ends.get(start);
  if (end === undefined) return undefined;
  let line = startLine;
  for (;;) {
    while (line + 1 < endLine && state.bMarks[line + 1] < end) {
      line++;
      // A line outside the block this element is in (a list item's, a quote's) ends it there: no end tag, then.
      if (state.sCount[line] < state.blkIndent && !state.isEmpty(line)) return undefined;
    }
    if (line >= endLine || state.eMarks[line] < end - 1) return undefined;
    const next = firstAtOrAfter(pairs.opens, end);
    if (next !== undefined && next >= state.eMarks[line]) return { line: line + 1, end };
    const nextEnd = next === undefined ? undefined : pairs.ends.get(next);
    if (nextEnd === undefined) return { line: line + 1, end };
    end = nextEnd;
  }
}

/** The first of the sorted `offsets` at or after `from`, found by halving. */
function firstAtOrAfter(offsets: readonly number[], from: number): number | undefined {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (offsets[middle] < from) low = middle + 1;
    else high = middle;
  }
  return offsets[low];
}

/** Where each element of a name that is closed ends, by where it opens; and where they open, in order. */
interface ElementPairs {
  ends: Map<number, number>;
  opens: number[];
}

/**
 * The elements of `name` in the page's text, each start tag paired with its end tag as nesting pairs them (comments
 * passed over): made in one pass for the page, so that a page of thousands of unclosed elements stays linear.
 */
function elementPairs(src: string, name: string): ElementPairs {
  if (pairsFor?.src !== src) pairsFor = { src, byName: new Map() };
  let pairs = pairsFor.byName.get(name);
  if (pairs) return pairs;
  pairs = { ends: new Map(), opens: [] };
  const tags = new RegExp(`<!--[\\s\\S]*?(?:-->|$)|<(/?)${name}(?=[\\s/>])[^>]*>`, "gi");
  const open: number[] = [];
  for (let found = tags.exec(src); found; found = tags.exec(src)) {
    if (found[0].startsWith("<!--")) continue;
    if (found[1]) {
      const from = open.pop();
      if (from !== undefined) pairs.ends.set(from, found.index + found[0].length);
    } else if (!found[0].endsWith("/>")) {
      open.push(found.index);
      pairs.opens.push(found.index);
    }
  }
  pairsFor.byName.set(name, pairs);
  return pairs;
}

/** The pairs of the page last parsed. */
let pairsFor: { src: string; byName: Map<string, ElementPairs> } | undefined;
