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
      const replacement = expand(tokens[i], state, byDefault) ?? expandInside(tokens[i], state);
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
const MARKDOWN_ATTRIBUTE = /^<[A-Za-z][^>]*\smarkdown\s*=/;

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
 * The HTML block with the first element inside it that has a `markdown` attribute read as kramdown reads it (its
 * content Markdown, as a span's or as blocks, by the attribute and then by its content model), split into the
 * HTML before it, its content's tokens, and the HTML from its end tag on, which is looked at in turn.
 */
function expandInside(token: Token, state: StateCore): Token[] | undefined {
  let content = token.content;
  if (!content.includes("markdown")) return undefined;
  const tags = new RegExp(START_TAG_SOURCE, "g");
  let changed = false;
  for (let open = tags.exec(content); open; open = tags.exec(content)) {
    const [openText, name, attrs, close] = open;
    if (!MARKDOWN_ATTRIBUTE.test(openText) || close.includes("/")) continue;
    const value = parseAttributes(attrs).find((a) => a.name.toLowerCase() === "markdown")?.value?.toLowerCase();
    const mode: Mode | undefined = value === "1" ? contentModel(name) : modeOf(value);
    const innerStart = open.index + openText.length;
    const innerEnd = mode && endTagAt(content, name, innerStart);
    if (!mode) continue;
    if (innerEnd === undefined) {
      // Its end tag is in a later block, between which and this one Markdown is read anyway: the attribute goes.
      const tag = withoutMarkdownAttribute(openText);
      content = content.slice(0, open.index) + tag + content.slice(innerStart);
      tags.lastIndex = open.index + tag.length;
      changed = true;
      continue;
    }
    const before = content.slice(0, open.index) + withoutMarkdownAttribute(openText);
    const inner = content.slice(innerStart, innerEnd);
    const after = content.slice(innerEnd);
    if (mode === "none") return [makeHtml(state, token, before + inner + after)];
    const line = (token.map?.[0] ?? 0) + countNewlines(content.slice(0, innerStart));
    if (mode === "span") {
      const inline = new state.Token("inline", "", 0);
      inline.content = inner.trim();
      inline.map = [line, line + 1];
      inline.level = token.level + 1;
      inline.children = [];
      return [makeHtml(state, token, before), inline, makeHtml(state, token, after)];
    }
    const blockTokens: Token[] = [];
    state.md.block.parse(inner, state.md, state.env, blockTokens);
    for (const t of blockTokens) {
      if (t.map) t.map = [t.map[0] + line, t.map[1] + line];
      t.level += token.level + 1;
    }
    return [makeHtml(state, token, `${before}\n`), ...blockTokens, makeHtml(state, token, after)];
  }
  return changed ? [makeHtml(state, token, content)] : undefined;
}

/** Where the end tag of the `name` element whose content starts at `from` starts, same-named ones inside counted. */
function endTagAt(content: string, name: string, from: number): number | undefined {
  const tags = new RegExp(String.raw`<(/?)${name}(?=[\s/>])[^>]*>`, "gi");
  tags.lastIndex = from;
  let depth = 1;
  for (let tag = tags.exec(content); tag; tag = tags.exec(content)) {
    if (!tag[1]) depth += tag[0].endsWith("/>") ? 0 : 1;
    else if (--depth === 0) return tag.index;
  }
  return undefined;
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
