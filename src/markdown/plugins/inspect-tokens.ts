import type { MarkdownIt, StateCore, Token } from "markdown-it";

/** What this plugin reads from `env`: a callback given the page's finished tokens. */
export interface InspectTokensEnv {
  /** Called once per page render with the final block tokens and the (normalized) Markdown text they map to. */
  inspectTokens?: (tokens: Token[], src: string) => void;
}

/**
 * Hands the finished token stream to `env.inspectTokens`, so that content checks (links, JSON examples,
 * swallowed tags) read what the page really contains, with `token.map` source lines, without parsing twice.
 * Register it last: it must see the tokens after every other core rule.
 */
export function inspectTokens(md: MarkdownIt): void {
  md.core.ruler.push("inspect_tokens", (state: StateCore) => {
    if (state.inlineMode) return;
    (state.env as InspectTokensEnv | undefined)?.inspectTokens?.(state.tokens, state.src);
  });
}
