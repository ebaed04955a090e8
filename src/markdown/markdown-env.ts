/** markdown-it's `env`: an open record its rules and plugins share for one render. */
type Env = Record<string, unknown>;

/** A problem a Markdown plugin found in the text it renders. */
export interface MarkdownProblem {
  severity: "error" | "warning";
  code: string;
  message: string;
  hint?: string;
  /** 1-based line within the Markdown text given to render (token.map[0] + 1). */
  line?: number;
}

/**
 * The `env` passed to `md.render(text, env)`. Plugins keep their own per-render
 * state on it too, typed by extending this interface in the plugin. Extends
 * markdown-it's `Env` (an open record) so an object of this type can be passed to render.
 */
export interface MarkdownEnv extends Env {
  /** Source file being rendered, for messages. */
  file: string;
  report(problem: MarkdownProblem): void;
  /**
   * The URL of the page made from a source file of the tree (`docs/setup.md`), or undefined when it makes none: a
   * link written to a page's file goes to its page.
   */
  pageUrl?: (file: string) => string | undefined;
}
