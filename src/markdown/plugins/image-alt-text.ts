import type { MarkdownIt, Token } from "markdown-it";

/** Tokens inside an image's description whose text belongs to its alt text as written. */
const TEXT_TYPES: ReadonlySet<string> = new Set(["text", "text_special", "code_inline", "html_inline", "html_block"]);

/**
 * An image's alt text keeps the escapes, character references and code spans of its description, as CommonMark
 * says: `![C\# and `x` &rarr; y](p.png)` gives alt="C# and x → y". markdown-it 14 (chosen over 15 for speed) reads
 * those as tokens of their own inside an image and left them out, which screen readers and search engines then miss.
 */
export function imageAltText(md: MarkdownIt): void {
  md.renderer.renderInlineAsText = function asText(tokens: Token[], options, env): string {
    let text = "";
    for (const token of tokens) {
      if (token.type === "image") text += asText.call(this, token.children ?? [], options, env);
      else if (token.type === "softbreak" || token.type === "hardbreak") text += "\n";
      else if (TEXT_TYPES.has(token.type)) text += token.content;
    }
    return text;
  };
}
