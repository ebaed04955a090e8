import type { MarkdownIt, StateCore, StateInline } from "markdown-it";

/** The first line (0-based) of the block whose text is being parsed inline, by render environment. */
const blockLines = new WeakMap<object, number>();

/**
 * markdown-it's own `inline` core rule, which also notes the line each block's text starts at, so that an inline
 * rule can name the line of what it finds (a paragraph's third line, a table cell, a heading): markdown-it gives
 * inline rules the text alone.
 */
export function trackInlineLines(md: MarkdownIt): void {
  md.core.ruler.at("inline", (state: StateCore) => {
    const env: unknown = state.env;
    const tracked = typeof env === "object" && env !== null;
    // A table cell's text has no line of its own: its row's is the one before it.
    let line: number | undefined;
    for (const token of state.tokens) {
      if (token.map) line = token.map[0];
      if (token.type !== "inline") continue;
      if (tracked && line !== undefined) blockLines.set(env, line);
      state.md.inline.parse(token.content, state.md, state.env, token.children ?? (token.children = []));
    }
    if (tracked) blockLines.delete(env);
  });
}

/** The line (0-based) of the inline text at `state.pos`; undefined outside a block (renderInline) or untracked. */
export function inlineLine(state: StateInline): number | undefined {
  const first = typeof state.env === "object" && state.env !== null ? blockLines.get(state.env) : undefined;
  if (first === undefined) return undefined;
  let line = first;
  for (let i = state.src.indexOf("\n"); i !== -1 && i < state.pos; i = state.src.indexOf("\n", i + 1)) line++;
  return line;
}
