// The default export is the constructor; the instance type is the named `MarkdownIt`.
import MarkdownItConstructor, { type MarkdownIt } from "markdown-it";
// markdown-it's own plugins for the PHP Markdown Extra syntax kramdown shares (`Term` / `: definition`,
// `*[API]: …`, and footnotes in kramdown-footnotes.ts): kept by the markdown-it authors, with their own tests.
import abbr from "markdown-it-abbr";
import deflist from "markdown-it-deflist";
import type { CodeHighlighter } from "./highlight/code-highlighter.ts";
import { KRAMDOWN_TYPOGRAPHY, type MarkdownFlavor, type Typography } from "./kramdown-settings.ts";
import { codeBlocks } from "./plugins/code-blocks.ts";
import { kramdownEndOfBlock } from "./plugins/kramdown-end-of-block.ts";
import { kramdownLineBreaks } from "./plugins/kramdown-line-breaks.ts";
import { taskLists } from "./plugins/task-lists.ts";
import { imageAltText } from "./plugins/image-alt-text.ts";
import { headingIds } from "./plugins/heading-ids.ts";
import { inspectTokens } from "./plugins/inspect-tokens.ts";
import { kramdownEmphasis } from "./plugins/kramdown-emphasis.ts";
import { kramdownExtensions } from "./plugins/kramdown-extensions.ts";
import { trackInlineLines } from "./plugins/inline-lines.ts";
import { kramdownEmptyHeadings } from "./plugins/kramdown-empty-headings.ts";
import { kramdownFences } from "./plugins/kramdown-fences.ts";
import { kramdownFootnotes } from "./plugins/kramdown-footnotes.ts";
import { kramdownIal } from "./plugins/kramdown-ial.ts";
import { KRAMDOWN_DEFAULTS, type KramdownOptions } from "./kramdown-options.ts";
import { kramdownHtmlBlocks } from "./plugins/kramdown-html-blocks.ts";
import { kramdownNestedLists } from "./plugins/kramdown-nested-lists.ts";
import { kramdownTableCells } from "./plugins/kramdown-table-cells.ts";
import { kramdownTables } from "./plugins/kramdown-tables.ts";
import { kramdownDefinitionTerms } from "./plugins/kramdown-definition-terms.ts";
import { kramdownToc } from "./plugins/kramdown-toc.ts";
import { kramdownTypography } from "./plugins/kramdown-typography.ts";
import { htmlLinkPolicy, linkPolicy } from "./plugins/link-policy.ts";
import { looseHtml } from "./plugins/loose-html.ts";
import { markdownSpan } from "./plugins/markdown-span.ts";

export interface CreateMarkdownOptions {
  highlighter: CodeHighlighter;
  /** The site's base path ("" at the root), for root-relative links written in content. */
  baseurl?: string;
  /**
   * Whose rules decide where kramdown and CommonMark disagree (nested lists, `**` in words, fences closed at the
   * margin, wide table rows, typography). The site's `markdown:` gives it (kramdown-settings.ts); "commonmark" here.
   */
  flavor?: MarkdownFlavor;
  /** kramdown's typography output (with flavor "kramdown"); kramdown's defaults when not given. */
  typography?: Typography;
  /** kramdown's other options (with flavor "kramdown"); Jekyll's defaults when not given. */
  kramdown?: KramdownOptions;
}

/**
 * The site's Markdown renderer. Render each page with a fresh `MarkdownEnv`:
 * `md.render(text, env)`; afterwards `getHeadings(env)` lists its headings.
 */
export function createMarkdown(options: CreateMarkdownOptions): MarkdownIt {
  // The default preset already has GFM tables, strikethrough and indented code.
  const kramdown = options.flavor === "kramdown" ? (options.kramdown ?? KRAMDOWN_DEFAULTS) : undefined;
  const md = new MarkdownItConstructor({ html: true, linkify: false, typographer: false, breaks: kramdown?.hardWrap ?? false });
  if (options.flavor === "kramdown") {
    md.use(kramdownNestedLists);
    md.use(kramdownFences);
    md.use(kramdownTableCells);
    md.use(kramdownTables);
    md.use(kramdownHtmlBlocks);
    md.use(kramdownEmphasis);
    md.use(kramdownLineBreaks);
    md.use(kramdownEndOfBlock);
    md.use(kramdownEmptyHeadings);
    md.use(kramdownTypography, options.typography ?? KRAMDOWN_TYPOGRAPHY);
    // kramdown's syntax beyond CommonMark: {::comment}, {: .class} lists, definition lists, footnotes, abbreviations.
    md.use(trackInlineLines);
    md.use(kramdownExtensions);
    md.use(kramdownIal);
    md.use(deflist);
    md.use(kramdownDefinitionTerms);
    md.use(kramdownFootnotes);
    md.use(abbr);
  }
  md.use(imageAltText);
  md.use(taskLists);
  md.use(markdownSpan, { parseBlockHtml: kramdown?.parseBlockHtml ?? false });
  md.use(headingIds, {
    prefix: kramdown?.autoIdPrefix ?? "",
    auto: kramdown?.autoIds ?? true,
    style: kramdown?.idStyle,
  });
  if (kramdown) md.use(kramdownToc, kramdown.tocLevels);
  const links = { baseurl: options.baseurl ?? "" };
  md.use(looseHtml, { rewriteTag: htmlLinkPolicy(links) });
  md.use(linkPolicy, links);
  md.use(codeBlocks, { highlighter: options.highlighter });
  // Last: content checks see the tokens after every other core rule.
  md.use(inspectTokens);
  return md;
}
