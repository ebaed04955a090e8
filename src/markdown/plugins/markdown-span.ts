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
 * kramdown's `markdown="span|1|block"` on an HTML block: the block's content is
 * Markdown, not raw HTML. The attribute itself never reaches the output. With `parseBlockHtml` (kramdown's
 * `parse_block_html: true`) every HTML block element reads so, by its content model: a `<p>`'s as a span, a
 * `<div>`'s as blocks, a `<pre>`'s as it is.
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
      const replacement = expand(tokens[i], state, byDefault);
      if (replacement) tokens.splice(i, 1, ...replacement);
    }
  });
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
