import type { MarkdownIt, StateBlock, StateCore, StateInline, Token } from "markdown-it";

/**
 * kramdown's inline attribute lists, the `{: …}` Jekyll pages put after a block or a span:
 * - a line `{: .lead #intro}` directly after a block (no blank line between) gives it those attributes; one directly
 *   before a block gives them to that block;
 * - `*word*{: .x}` gives them to the span just before (emphasis, strong, link, code, image);
 * - a heading ends in `{#id}` (or `{: #id .class}`) to set its id.
 * `.name` adds a class, `#name` sets the id, `key="value"` any other attribute but event handlers; a bare word
 * (`toc`) is a flag: `{:toc}` after a list turns it into the page's table of contents (kramdown-toc.ts). A line
 * `{:name: …}` defines the attributes a list naming `name` gives (an attribute list definition, anywhere on the
 * page), and is dropped. A span list after no span stays text; a block list with blank lines on both sides applies
 * to nothing and is dropped, as kramdown drops it.
 */
export function kramdownIal(md: MarkdownIt): void {
  md.block.ruler.before("paragraph", "kramdown_ial", blockIal, { alt: ["paragraph", "reference", "blockquote", "list"] });
  md.inline.ruler.push("kramdown_span_ial", spanIal);
  // Before heading_ids, so that an id given here is the heading's.
  md.core.ruler.push("kramdown_ial", attachBlockIals);
}

/** Attributes read from `{: …}`, and its bare words. */
export interface AttributeList {
  classes: string[];
  id?: string;
  pairs: Array<[string, string]>;
  flags: string[];
}

const BLOCK_LINE = /^\{:(?!:)([^}]*)\}[ \t]*$/;
const DEFINITION = /^([\w-]+):(.*)$/s;

/** The attribute list definitions of the page being rendered, by name, kept on markdown-it's env. */
interface DefinitionsEnv {
  kramdownAlds?: Map<string, AttributeList>;
}
/** A heading's last `{…}`, from its last `{` on (found by lastIndexOf: a regex from every space would take quadratic time). */
const HEADING_END = /^\{(?::([^}]*)|(#[\w:.-]+))\}[ \t]*$/;

/** Where a trailing `{#id}` or `{: …}` starts in a heading's text, and what it holds; undefined when none ends it. */
function headingList(text: string): { at: number; list: AttributeList } | undefined {
  const at = text.lastIndexOf("{");
  const matched = at === -1 ? null : HEADING_END.exec(text.slice(at));
  const list = matched ? readAttributeList(matched[1] ?? matched[2]) : undefined;
  return list && { at, list };
}

/** `{: .a #b key="c" toc}` → its attributes; undefined for text that is no attribute list. */
export function readAttributeList(text: string): AttributeList | undefined {
  const list: AttributeList = { classes: [], pairs: [], flags: [] };
  const part = /\s*(?:\.([\w-]+)|#([\w:.-]+)|([\w-]+)=(?:"([^"]*)"|'([^']*)')|([\w-]+))/gy;
  const end = text.trimEnd().length;
  let at = 0;
  while (at < end) {
    part.lastIndex = at;
    const m = part.exec(text);
    if (!m) return undefined;
    if (m[1]) list.classes.push(m[1]);
    else if (m[2]) list.id = m[2];
    else if (m[3]) {
      // No event handlers or script URLs from content, whatever the page's policy on scripts.
      const value = m[4] ?? m[5] ?? "";
      if (!/^on/i.test(m[3]) && !/^\s*(?:javascript|vbscript|data):/i.test(value)) list.pairs.push([m[3].toLowerCase(), value]);
    } else if (m[6]) list.flags.push(m[6]);
    at = part.lastIndex;
  }
  return list;
}

export function applyAttributes(token: Token, list: AttributeList): void {
  if (list.id) token.attrSet("id", list.id);
  if (list.classes.length) token.attrJoin("class", list.classes.join(" "));
  for (const [key, value] of list.pairs) {
    if (key === "class") token.attrJoin("class", value);
    else token.attrSet(key, value);
  }
  if (list.flags.length) token.meta = { ...(token.meta as object | null), ialFlags: list.flags };
}

/** A line that is only `{: …}`: a hidden token, attached to a block by `attachBlockIals`. */
function blockIal(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  const begin = state.bMarks[startLine] + state.tShift[startLine];
  // Every line start of every page comes here: most are over at their first character.
  if (state.src.charCodeAt(begin) !== 0x7b /* { */ || state.sCount[startLine] - state.blkIndent >= 4) return false;
  const line = state.src.slice(begin, state.eMarks[startLine]);
  const matched = BLOCK_LINE.exec(line);
  if (!matched) return false;
  const definition = DEFINITION.exec(matched[1].trim());
  const list = readAttributeList(definition ? definition[2] : matched[1]);
  if (!definition && !list) return false;
  if (silent) return true;
  if (definition && list) {
    // A name defined twice has both lists' attributes, as in kramdown.
    const definitions = ((state.env as DefinitionsEnv).kramdownAlds ??= new Map());
    const earlier = definitions.get(definition[1]);
    definitions.set(definition[1], earlier ? merged(earlier, list) : list);
  }
  const token = state.push("kramdown_ial", "", 0);
  token.map = [startLine, startLine + 1];
  token.hidden = true;
  token.meta = { list: definition ? undefined : list };
  state.line = startLine + 1;
  return true;
}

/**
 * `{: …}` within text: a token for `attachSpanIals`, which runs once emphasis is paired (an inline rule still sees
 * `*word*` as two delimiters).
 */
function spanIal(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  if (src.charCodeAt(state.pos) !== 0x7b /* { */ || src.charCodeAt(state.pos + 1) !== 0x3a /* : */ || src.charCodeAt(state.pos + 2) === 0x3a) return false;
  if (state.pos === 0) return false;
  const end = closingBrace(src, state.pos);
  if (end === -1) return false;
  const list = readAttributeList(src.slice(state.pos + 2, end));
  if (!list) return false;
  if (!silent) {
    const token = state.push("kramdown_span_ial", "", 0);
    token.content = src.slice(state.pos, end + 1);
    token.meta = { list };
  }
  state.pos = end + 1;
  return true;
}

/** The last text searched in vain for a `}`, and from where: a paragraph of many `{:` and no `}` is searched once. */
let noBraceAfter: { src: string; from: number } | undefined;

function closingBrace(src: string, from: number): number {
  if (noBraceAfter && noBraceAfter.src === src && from >= noBraceAfter.from) return -1;
  const end = src.indexOf("}", from);
  if (end === -1) noBraceAfter = { src, from };
  return end;
}

const SPAN_CLOSE: Record<string, string> = { em_close: "em_open", strong_close: "strong_open", link_close: "link_open", s_close: "s_open" };

/** Gives each span attribute list to the span just before it; one that follows no span is its text again. */
function attachSpanIals(children: Token[], apply: Apply): void {
  // The tokens kept are moved down in place as lists are dropped: one pass, however many lists a line has.
  let kept = 0;
  for (let i = 0; i < children.length; i++) {
    const token = children[i];
    const target = token.type === "kramdown_span_ial" ? spanBefore(children, kept) : undefined;
    if (target) apply(target, (token.meta as { list: AttributeList }).list);
    else {
      if (token.type === "kramdown_span_ial") token.type = "text";
      children[kept++] = token;
    }
  }
  children.length = kept;
}

/** The token that opens the span ending just before `index`, or the code or image token there. */
function spanBefore(tokens: Token[], index: number): Token | undefined {
  // Emphasis pairing leaves empty text tokens where its delimiters were (`**strong**` ends in one).
  while (index > 0 && tokens[index - 1].type === "text" && tokens[index - 1].content === "") index--;
  const last = tokens[index - 1];
  if (!last) return undefined;
  if (last.type === "code_inline" || last.type === "image") return last;
  const open = SPAN_CLOSE[last.type];
  if (!open) return undefined;
  let depth = 0;
  for (let i = index - 1; i >= 0; i--) {
    if (tokens[i].type === last.type) depth++;
    else if (tokens[i].type === open && --depth === 0) return tokens[i];
  }
  return undefined;
}

/** Gives each block attribute list to its block (the one it follows directly, else the one it precedes) and drops it. */
function attachBlockIals(state: StateCore): void {
  const tokens = state.tokens;
  const definitions = (state.env as DefinitionsEnv | undefined)?.kramdownAlds;
  const apply: Apply = definitions ? (token, list) => applyAttributes(token, withDefinitions(list, definitions)) : applyAttributes;
  // As for spans: the tokens kept are moved down in place (a page of thousands of lists stays linear).
  let kept = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === "inline" && token.children) {
      // The tokens before it are the kept ones, moved down over the lists dropped so far.
      listItemStart(token, tokens[kept - 1], tokens[kept - 2], apply);
      attachSpanIals(token.children, apply);
    }
    if (token.type === "heading_open") headingEnd(token, tokens[i + 1], apply);
    if (token.type !== "kramdown_ial") {
      tokens[kept++] = token;
      continue;
    }
    const list = (token.meta as { list?: AttributeList }).list;
    if (list) {
      const before = blockBefore(tokens, kept, token.level);
      const after = tokens[i + 1];
      // Touching a block above or below it; one with blank lines on both sides applies to nothing, as in kramdown.
      const target =
        before && before.map && token.map && before.map[1] >= token.map[0]
          ? before
          : after && after.nesting !== -1 && after.level === token.level && after.map && token.map && after.map[0] === token.map[1]
            ? after
            : undefined;
      if (target) apply(target, list);
    }
  }
  tokens.length = kept;
}

type Apply = (token: Token, list: AttributeList) => void;

/**
 * The list with the attributes of the definitions it names first, as kramdown applies them (and those their
 * definitions name, each once): `{:note: .callout}` and `{: note #x}` give `class="callout" id="x"`.
 */
function withDefinitions(list: AttributeList, definitions: ReadonlyMap<string, AttributeList>, named = new Set<string>()): AttributeList {
  let result: AttributeList = { classes: [], pairs: [], flags: [] };
  for (const name of list.flags) {
    const definition = definitions.get(name);
    if (!definition || named.has(name)) continue;
    named.add(name);
    result = merged(result, withDefinitions(definition, definitions, named));
  }
  return merged(result, list);
}

/** `later`'s attributes over `earlier`'s: classes added, the id and other attributes replaced. */
function merged(earlier: AttributeList, later: AttributeList): AttributeList {
  return {
    classes: [...earlier.classes, ...later.classes],
    id: later.id ?? earlier.id,
    pairs: [...earlier.pairs, ...later.pairs],
    flags: [...earlier.flags, ...later.flags],
  };
}

/**
 * `* {:.done} Item`: an attribute list at the very start of a list item's first paragraph is the item's (kramdown
 * gives it to the <li>), and leaves its text.
 */
function listItemStart(inline: Token, paragraph: Token | undefined, item: Token | undefined, apply: Apply): void {
  const first = inline.children![0];
  if (first?.type !== "text" || item?.type !== "list_item_open" || paragraph?.type !== "paragraph_open") return;
  const found = ITEM_START.exec(first.content);
  const list = found && readAttributeList(found[1]);
  if (!found || !list) return;
  apply(item, list);
  first.content = first.content.slice(found[0].length);
}

/** An attribute list opening a list item's text, and the blanks after it. */
const ITEM_START = /^\{:(?!:)([^}]*)\}[ \t]*/;

/** The opening token of the block at `level` that ends just before `index`. */
function blockBefore(tokens: Token[], index: number, level: number): Token | undefined {
  const previous = tokens[index - 1];
  if (!previous || previous.level !== level) return undefined;
  if (previous.nesting === 0) return previous; // fence, code block, hr, html block
  if (previous.nesting !== -1) return undefined;
  const openType = previous.type.replace(/_close$/, "_open");
  for (let i = index - 2; i >= 0; i--) {
    if (tokens[i].type === openType && tokens[i].level === previous.level) return tokens[i];
  }
  return undefined;
}

/** `## Title {#id}` or `## Title {: .x}`: the attributes go to the heading, and leave its text. */
function headingEnd(open: Token, inline: Token | undefined, apply: Apply): void {
  const children = inline?.children;
  const last = children?.at(-1);
  if (!inline || !children || !last) return;
  if (last.type === "kramdown_span_ial") {
    apply(open, (last.meta as { list: AttributeList }).list);
    children.pop();
  } else {
    const found = last.type === "text" ? headingList(last.content) : undefined;
    if (!found) return;
    apply(open, found.list);
    last.content = last.content.slice(0, found.at);
  }
  const text = children.at(-1);
  if (text?.type === "text") text.content = text.content.trimEnd();
  const inContent = headingList(inline.content);
  if (inContent) inline.content = inline.content.slice(0, inContent.at).trimEnd();
}
