import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { parseAttributes, START_TAG_SOURCE, type ParsedAttribute } from "./html-syntax.ts";

/** Changes a start tag's attributes (returning the new list), or returns undefined to leave the tag alone. */
export type TagRewrite = (name: string, attributes: ParsedAttribute[]) => ParsedAttribute[] | undefined;

// Regions whose content is not markup: left exactly as written.
const OPAQUE =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(script|style|textarea)\b[^>]*>[\s\S]*?<\/\1\s*>/iy;
const START_TAG = new RegExp(START_TAG_SOURCE, "y");
const BR_END_TAG = /<\/br\s*>/iy;

/**
 * Repairs HTML that writers type loosely, so browsers and HTML checks agree on it:
 * `</br>` becomes `<br>` (HTML has no such end tag) and unquoted attribute values
 * get double quotes. Everything else, including all text, is kept byte for byte.
 */
export function tidyHtml(html: string, rewriteTag?: TagRewrite): string {
  if (!html.includes("<")) return html;
  let out = "";
  let copied = 0;
  let pos = 0;
  while ((pos = html.indexOf("<", pos)) !== -1) {
    let end = pos + 1;
    let replacement: string | undefined;
    let match: RegExpExecArray | null;
    if ((match = matchAt(OPAQUE, html, pos))) {
      end = pos + match[0].length;
    } else if ((match = matchAt(BR_END_TAG, html, pos))) {
      end = pos + match[0].length;
      replacement = "<br>";
    } else if ((match = matchAt(START_TAG, html, pos))) {
      end = pos + match[0].length;
      const [, name, attrs, close] = match;
      const parsed = parseAttributes(attrs);
      const rewritten = rewriteTag?.(name.toLowerCase(), parsed);
      if (rewritten || parsed.some((a) => a.bare)) replacement = `<${name}${quoteAttributes(rewritten ?? parsed)}${close}`;
    }
    if (replacement !== undefined) {
      out += html.slice(copied, pos) + replacement;
      copied = end;
    }
    pos = end;
  }
  return copied === 0 ? html : out + html.slice(copied);
}

function matchAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

function quoteAttributes(attributes: ParsedAttribute[]): string {
  return (
    attributes
      // A bare value cannot contain `"`, so wrapping it needs no escaping.
      .map((a) => (a.bare ? `${a.space}${a.name}${a.equals}"${a.value}"` : a.raw))
      .join("")
  );
}

/** Applies `tidyHtml` to raw HTML in the Markdown (never to code spans or code blocks). */
export function looseHtml(md: MarkdownIt, options: { rewriteTag?: TagRewrite } = {}): void {
  // Last core rule: sees the HTML tokens the markdown-span plugin made, and inline children.
  md.core.ruler.push("loose_html", (state: StateCore) => {
    tidyTokens(state.tokens, options.rewriteTag);
  });
}

function tidyTokens(tokens: Token[], rewriteTag: TagRewrite | undefined): void {
  for (const token of tokens) {
    if (token.type === "html_block" || token.type === "html_inline") token.content = tidyHtml(token.content, rewriteTag);
    else if (token.children) tidyTokens(token.children, rewriteTag);
  }
}
