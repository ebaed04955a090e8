import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { parseAttributes, START_TAG_SOURCE } from "./html-syntax.ts";

// The HTML block's opening tag, at its start (after indentation inside a list item).
const OPENING_TAG = new RegExp(String.raw`^\s*` + START_TAG_SOURCE);

type Mode = "span" | "block" | "none";

/** kramdown's values: span-level, block-level (`1` means "as the element allows"; we read it as block), or off. */
function modeOf(value: string | undefined): Mode | undefined {
  switch (value?.toLowerCase()) {
    case "span":
      return "span";
    case "1":
    case "block":
      return "block";
    case "0":
      return "none";
    default:
      return undefined;
  }
}

/** kramdown's content models (HTML_CONTENT_MODEL): elements whose content is text as written, or a span's. */
const RAW_CONTENT = new Set(["script", "style", "math", "option", "textarea", "pre", "code", "kbd", "samp", "var"]);
const SPAN_CONTENT = new Set(
  "address a abbr acronym b bdo big button cite caption code del dfn dt em h1 h2 h3 h4 h5 h6 i ins label legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th tt".split(" "),
);

/**
 * kramdown's `markdown="span|1|block"` on an HTML block, or on an element inside one (`<td markdown="span">` in a
 * `<table>`): the element's content is Markdown, not raw HTML. The attribute itself never reaches the output, on a
 * `<span>` inside a paragraph neither. With `parseBlockHtml` (kramdown's `parse_block_html: true`) every HTML block
 * element reads so, by its content model: a `<p>`'s as a span, a `<div>`'s as blocks, a `<pre>`'s as it is.
 */
export function markdownSpan(md: MarkdownIt, options: { parseBlockHtml?: boolean } = {}): void {
  const byDefault = options.parseBlockHtml ? contentModel : () => undefined;
  // Between block and inline parsing: the tokens made here are then inline-parsed,
  // id'd and tidied by the later core rules like any other tokens on the page.
  md.core.ruler.after("block", "markdown_span", (state: StateCore) => {
    const tokens = state.tokens;
    // Inserted tokens are visited too, so nested markdown blocks work.
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].type !== "html_block") continue;
      let replacement = expand(tokens[i], state, byDefault);
      // A `markdown="0"` element's content stays HTML, but kramdown still reads the attribute on elements inside it.
      if (replacement?.length === 1) replacement = expandInside(replacement[0], state) ?? replacement;
      replacement ??= expandInside(tokens[i], state);
      if (replacement) tokens.splice(i, 1, ...replacement);
    }
  });
  md.core.ruler.after("inline", "markdown_span_attribute", (state: StateCore) => {
    for (const token of state.tokens) {
      for (const child of token.children ?? []) {
        if (child.type === "html_inline" && MARKDOWN_ATTRIBUTE.test(child.content)) child.content = withoutMarkdownAttribute(child.content);
      }
    }
  });
}

/** A start tag that may have a `markdown` attribute: most have none, and are passed over by this test alone. */
const MARKDOWN_ATTRIBUTE = /^<[A-Za-z][^>]*\smarkdown\s*=/i;

/** The start tag without its `markdown` attribute. */
function withoutMarkdownAttribute(tag: string): string {
  const open = new RegExp(START_TAG_SOURCE).exec(tag);
  if (!open || open.index !== 0) return tag;
  const [text, name, attrs, close] = open;
  return `<${name}${parseAttributes(attrs)
    .filter((a) => a.name.toLowerCase() !== "markdown")
    .map((a) => a.raw)
    .join("")}${close}${tag.slice(text.length)}`;
}

/**
 * The HTML block with the elements inside it that have a `markdown` attribute read as kramdown reads them: the
 * content of each (up to its end tag) as a span's or as blocks, by the attribute and then by the element's content
 * model; the attribute gone. One pass over the block, so that a table of thousands of such cells stays linear; the
 * blocks made of a `markdown="1"` element's content are looked at in turn for the elements inside them. Comments and
 * the content of scripts and the like are text, not elements. Undefined when the block has no such element.
 */
function expandInside(token: Token, state: StateCore): Token[] | undefined {
  const content = token.content;
  if (!/\smarkdown\s*=/i.test(content)) return undefined;
  const tokens: Token[] = [];
  const ends = endTags(content);
  const lines = lineCounter(content, token.map?.[0] ?? 0);
  // HTML not handed on yet, and where the block's text is read up to.
  let html = "";
  let cursor = 0;
  let changed = false;
  const scan = new RegExp(String.raw`<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|pre)(?=[\s/>])[\s\S]*?(?:</\1\s*>|$)|` + START_TAG_SOURCE, "gi");
  for (let open = scan.exec(content); open; open = scan.exec(content)) {
    const [openText, raw, name, attrs, close] = open;
    if (raw !== undefined || name === undefined || !MARKDOWN_ATTRIBUTE.test(openText)) continue;
    const value = parseAttributes(attrs).find((a) => a.name.toLowerCase() === "markdown")?.value?.toLowerCase();
    const mode: Mode | undefined = value === "1" ? contentModel(name) : modeOf(value);
    if (!mode) continue;
    changed = true;
    html += content.slice(cursor, open.index) + withoutMarkdownAttribute(openText);
    const innerStart = (cursor = open.index + openText.length);
    const innerEnd = ends.get(name.toLowerCase())?.get(open.index);
    // Its content is read on, as HTML: raw, without content, or its end tag in a later block (Markdown anyway).
    if (mode === "none" || close.includes("/") || innerEnd === undefined) continue;
    const inner = content.slice(innerStart, innerEnd);
    const line = lines.at(innerStart);
    if (mode === "span") {
      tokens.push(makeHtml(state, token, html));
      const inline = new state.Token("inline", "", 0);
      inline.content = inner.trim();
      inline.map = [line, line + 1];
      inline.level = token.level + 1;
      inline.children = [];
      tokens.push(inline);
    } else {
      tokens.push(makeHtml(state, token, `${html}\n`));
      const blockTokens: Token[] = [];
      state.md.block.parse(inner, state.md, state.env, blockTokens);
      for (const t of blockTokens) {
        if (t.map) t.map = [t.map[0] + line, t.map[1] + line];
        t.level += token.level + 1;
        tokens.push(t);
      }
    }
    html = "";
    cursor = scan.lastIndex = innerEnd;
  }
  if (!changed) return undefined;
  tokens.push(makeHtml(state, token, html + content.slice(cursor)));
  return tokens;
}

/**
 * Where each element's end tag starts, by the element's name (lower case) and where its start tag starts: paired as
 * nesting pairs them, comments passed over. One pass over the block for all names.
 */
function endTags(content: string): Map<string, Map<number, number>> {
  const ends = new Map<string, Map<number, number>>();
  const open = new Map<string, number[]>();
  const tags = /<!--[\s\S]*?(?:-->|$)|<(\/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>/g;
  for (let tag = tags.exec(content); tag; tag = tags.exec(content)) {
    if (tag[2] === undefined || tag[0].endsWith("/>")) continue;
    const name = tag[2].toLowerCase();
    const started = open.get(name) ?? open.set(name, []).get(name)!;
    if (!tag[1]) started.push(tag.index);
    else if (started.length) (ends.get(name) ?? ends.set(name, new Map()).get(name)!).set(started.pop()!, tag.index);
  }
  return ends;
}

/** The line of each offset of `content`, asked in increasing order, counted on from the last one asked. */
function lineCounter(content: string, firstLine: number): { at(offset: number): number } {
  let offset = 0;
  let line = firstLine;
  return {
    at(to) {
      for (let i = content.indexOf("\n", offset); i !== -1 && i < to; i = content.indexOf("\n", i + 1)) line++;
      offset = Math.max(offset, to);
      return line;
    },
  };
}

/** kramdown's reading of an element's content under `parse_block_html: true`. */
function contentModel(name: string): Mode {
  const element = name.toLowerCase();
  return RAW_CONTENT.has(element) ? "none" : SPAN_CONTENT.has(element) ? "span" : "block";
}

function expand(token: Token, state: StateCore, byDefault: (name: string) => Mode | undefined): Token[] | undefined {
  const content = token.content;
  const open = OPENING_TAG.exec(content);
  if (!open) return undefined;
  const [openText, name, attrs, close] = open;
  const attributes = parseAttributes(attrs);
  const markdownAttr = attributes.find((a) => a.name.toLowerCase() === "markdown");
  const mode = markdownAttr ? modeOf(markdownAttr.value) : byDefault(name);
  // Without an attribute, only an element closed within the block is read (its end tag is the block's end).
  if (!mode || (!markdownAttr && (mode === "none" || !new RegExp(String.raw`</${name}\s*>\s*$`, "i").test(content)))) return undefined;

  const openTag = `<${name}${attributes
    .filter((a) => a !== markdownAttr)
    .map((a) => a.raw)
    .join("")}${close}`;

  // The content ends with this element's end tag when the writer kept the element
  // in one block; otherwise the end tag comes in a later block and is left alone.
  let inner = content.slice(openText.length);
  let closeTag = "";
  const end = new RegExp(String.raw`</${name}\s*>\s*$`, "i").exec(inner);
  if (end) {
    closeTag = end[0].trim();
    inner = inner.slice(0, end.index);
  }

  if (mode === "none") {
    // Only the attribute goes; the content stays raw HTML.
    return [makeHtml(state, token, `${openTag}${inner}${closeTag}\n`)];
  }

  const before = makeHtml(state, token, mode === "block" ? `${openTag}\n` : openTag);
  const after = makeHtml(state, token, `${closeTag}\n`);

  if (mode === "span") {
    const inline = new state.Token("inline", "", 0);
    inline.content = inner.trim();
    inline.map = token.map;
    inline.level = token.level + 1;
    inline.children = [];
    return [before, inline, after];
  }

  const blockTokens: Token[] = [];
  state.md.block.parse(inner, state.md, state.env, blockTokens);
  // Keep source lines absolute so warnings from inside the block point at the right line.
  const lineOffset = (token.map?.[0] ?? 0) + countNewlines(content.slice(0, openText.length));
  for (const t of blockTokens) {
    if (t.map) t.map = [t.map[0] + lineOffset, t.map[1] + lineOffset];
    t.level += token.level + 1;
  }
  // Block content ends with its own newline; an empty `after` would add a blank line.
  return closeTag ? [before, ...blockTokens, after] : [before, ...blockTokens];
}

function makeHtml(state: StateCore, source: Token, html: string): Token {
  const token = new state.Token("html_block", "", 0);
  token.content = html;
  token.map = source.map;
  token.level = source.level;
  token.block = true;
  return token;
}

function countNewlines(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === "\n") n++;
  return n;
}
