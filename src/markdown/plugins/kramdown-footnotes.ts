import type { MarkdownIt, Token } from "markdown-it";
import footnote from "markdown-it-footnote";

/**
 * Footnotes (`text[^1]` and `[^1]: The note.`) with kramdown's ids, so that links written for the Jekyll site
 * still land: `#fn:1` and `#fnref:1`, a named note's `#fn:name`, and the plain number as the marker. The syntax
 * and the list of notes are markdown-it-footnote's.
 */
export function kramdownFootnotes(md: MarkdownIt): void {
  md.use(footnote);
  md.renderer.rules.footnote_anchor_name = (tokens: Token[], idx: number) => `:${nameOf(tokens[idx])}`;
  md.renderer.rules.footnote_caption = (tokens: Token[], idx: number) => String((tokens[idx].meta as { id: number }).id + 1);
}

function nameOf(token: Token): string {
  const { id, label } = token.meta as { id: number; label?: string };
  return label ?? String(id + 1);
}
