import type { ThemedToken, TokensResult } from "shiki";

/**
 * Shiki's `<pre>` markup built straight from its tokens. What `codeToHtml` gives for dual themes without a
 * default colour, but without building and serialising a HAST tree per block, which took most of the
 * highlighting time on large sites; and a token in the block's own colours is its bare text, not a span
 * repeating the colours it inherits (a third of a page of JSON examples was such spans).
 */
export function tokensToHtml(result: TokensResult): string {
  // Joined once at the end: built with `+=`, each block would stay in memory as a chain of a few hundred
  // pieces (the highlight cache keeps every block to the end of the build).
  const parts = [`<pre class="${result.themeName ? `shiki ${result.themeName}` : "shiki"}" style="${result.rootStyle ?? ""}" tabindex="0"><code>`];
  // The block's own colours, in the same spelling as a token's but lower case ("--shiki-light:#24292e;...").
  const blockColours = result.fg?.toLowerCase();
  result.tokens.forEach((line, index) => {
    if (index > 0) parts.push("\n");
    parts.push('<span class="line">');
    for (const token of withWhitespaceMerged(line)) {
      const style = token.htmlStyle ? styleText(token.htmlStyle) : "";
      const inherited = !style || style.toLowerCase() === blockColours;
      parts.push(inherited ? escapeText(token.content) : `<span style="${style}">${escapeText(token.content)}</span>`);
    }
    parts.push("</span>");
  });
  parts.push("</code></pre>");
  return parts.join("");
}

const WHITESPACE_ONLY = /^\s+$/;
const UNDERLINE = 4;
const STRIKETHROUGH = 8;

/**
 * Like codeToHtml, a run of whitespace-only tokens joins the token after it (taking its colour),
 * unless that token is underlined or struck through, where the run stays a plain span of its own.
 */
function withWhitespaceMerged(line: ThemedToken[]): Array<Pick<ThemedToken, "content" | "htmlStyle">> {
  const merged: Array<Pick<ThemedToken, "content" | "htmlStyle">> = [];
  let carried = "";
  line.forEach((token, index) => {
    const decorated = Boolean(token.fontStyle && token.fontStyle & (UNDERLINE | STRIKETHROUGH));
    if (!decorated && WHITESPACE_ONLY.test(token.content) && index + 1 < line.length) {
      carried += token.content;
    } else if (carried && !decorated) {
      merged.push({ content: carried + token.content, htmlStyle: token.htmlStyle });
      carried = "";
    } else if (carried) {
      merged.push({ content: carried }, token);
      carried = "";
    } else {
      merged.push(token);
    }
  });
  return merged;
}

function styleText(style: Record<string, string>): string {
  let text = "";
  for (const key in style) text += (text ? ";" : "") + key + ":" + style[key];
  return text;
}

/** The two characters HAST's serialiser escapes in text, in its spelling. */
function escapeText(text: string): string {
  return text.replace(/[&<]/g, (c) => (c === "&" ? "&#x26;" : "&#x3C;"));
}
