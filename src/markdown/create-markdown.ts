// The default export is the constructor; the instance type is the named `MarkdownIt`.
import MarkdownItConstructor, { type MarkdownIt } from "markdown-it";
import type { CodeHighlighter } from "./highlight/code-highlighter.ts";
import { codeBlocks } from "./plugins/code-blocks.ts";
import { headingIds } from "./plugins/heading-ids.ts";
import { inspectTokens } from "./plugins/inspect-tokens.ts";
import { htmlLinkPolicy, linkPolicy } from "./plugins/link-policy.ts";
import { looseHtml } from "./plugins/loose-html.ts";
import { markdownSpan } from "./plugins/markdown-span.ts";

export interface CreateMarkdownOptions {
  highlighter: CodeHighlighter;
  /** The site's base path ("" at the root), for root-relative links written in content. */
  baseurl?: string;
}

/**
 * The site's Markdown renderer. Render each page with a fresh `MarkdownEnv`:
 * `md.render(text, env)`; afterwards `getHeadings(env)` lists its headings.
 */
export function createMarkdown(options: CreateMarkdownOptions): MarkdownIt {
  // The default preset already has GFM tables, strikethrough and indented code.
  const md = new MarkdownItConstructor({ html: true, linkify: false, typographer: false });
  md.use(markdownSpan);
  md.use(headingIds);
  const links = { baseurl: options.baseurl ?? "" };
  md.use(looseHtml, { rewriteTag: htmlLinkPolicy(links) });
  md.use(linkPolicy, links);
  md.use(codeBlocks, { highlighter: options.highlighter });
  // Last: content checks see the tokens after every other core rule.
  md.use(inspectTokens);
  return md;
}
