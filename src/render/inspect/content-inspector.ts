import type { Token } from "markdown-it";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { LineIndex } from "../../liquid/line-index.ts";
import type { LiquidSourceMap } from "../../liquid/source-map.ts";
import { ApiExampleCheck, type ApiExamplesPage } from "./api-examples.ts";
import { scanHtmlSnippet } from "../../markdown/html/html-snippet.ts";
import { checkJsonFence } from "./json-examples.ts";
import type { LinkOrigin } from "../../markdown/link-origins.ts";
import { MarkdownLocator, type SourcePosition } from "./markdown-locator.ts";
import { swallowedTag, tagText } from "./swallowed-tags.ts";
import { blockedContent } from "./blocked-content.ts";

export interface ContentInspectorOptions {
  page: { file: string; sourceDir: string };
  /** The page's Markdown as Liquid wrote it, and the map back to its sources. */
  liquidOutput: string;
  sourceMap: LiquidSourceMap | undefined;
  report: (diagnostic: Diagnostic) => void;
  /** The page's element reference and marking, for JSON examples that say which response they show. */
  api?: ApiExamplesPage;
  /** The site's own origin (`url:` of _config.yml), whose scripts and forms the policy's 'self' allows. */
  siteOrigin?: string;
}

/**
 * Reads a page's Markdown tokens once, as markdown-it hands them over: checks JSON examples (that they are JSON,
 * and that marked ones fit their API's schema) and tags the browser would swallow, and notes where every link of
 * the content was written, for the link check that runs once all pages exist.
 */
export class ContentInspector {
  /** Every URL of the content, in page order, with its source position. */
  readonly links: LinkOrigin[] = [];
  private locator: MarkdownLocator | undefined;
  private readonly apiExamples: ApiExampleCheck | undefined;

  constructor(private readonly options: ContentInspectorOptions) {
    this.apiExamples = options.api && new ApiExampleCheck(options.api, options.report);
  }

  /** For markdown-it's env: `inspectTokens`. */
  readonly inspect = (tokens: Token[], src: string): void => {
    const { liquidOutput, sourceMap, page } = this.options;
    this.locator = new MarkdownLocator(src, liquidOutput, sourceMap, page);
    // markdown-it gives a table's rows their lines, not the cells in them: a cell is read on its row's line, after
    // the cells before it.
    let row: { line: number; column: number } | undefined;
    for (const token of tokens) {
      if (token.type === "tr_open" && token.map) row = { line: token.map[0], column: 0 };
      if (token.type === "inline" && !token.map && row) row.column = this.inline(token, row.line, row.column);
      if (!token.map) continue;
      if (token.type === "fence") {
        checkJsonFence(token, this.locator, this.options.report);
        this.apiExamples?.fence(token, this.locator);
      } else if (token.type === "html_block") this.html(token.content, token.map[0], 0);
      else if (token.type === "inline") this.inline(token, token.map[0]);
    }
  };

  /**
   * For a page that is not Markdown (`.html` with front matter), whose Liquid output is its content: notes where
   * each of its links was written. Its tags are the writer's HTML, left as they are.
   */
  readonly inspectHtml = (html: string): void => {
    const { liquidOutput, sourceMap, page } = this.options;
    this.locator = new MarkdownLocator(html, liquidOutput, sourceMap, page);
    const lines = new LineIndex(html);
    const found = new Map<number, number>();
    for (const link of scanHtmlSnippet(html).links) {
      const line = lines.lineAt(link.offset);
      const column = this.locator.find(line, link.value, found.get(line) ?? 0);
      if (column !== -1) found.set(line, column + 1);
      this.links.push({ value: link.value, at: this.locator.locate(line, Math.max(column, 0), link.value) });
    }
    for (const { offset, message, hint } of blockedContent(html, this.options.siteOrigin)) {
      const line = lines.lineAt(offset);
      const text = tagText(html, offset);
      this.options.report({ severity: "warning", code: "content-blocked", message, hint, ...this.locator.locate(line, Math.max(this.locator.find(line, text, 0), 0), text) });
    }
  };

  /** Source position of a 1-based line of the page's Markdown (for problems Markdown plugins report). */
  positionOfLine(line: number | undefined): SourcePosition {
    if (line === undefined) return { file: this.options.page.file, line };
    // A plugin may report while markdown-it still parses, before the tokens reach `inspect`: the lines are those of
    // the Liquid output all the same (markdown-it only normalizes line breaks), so they map back the same way.
    const { liquidOutput, sourceMap, page } = this.options;
    this.locator ??= new MarkdownLocator(liquidOutput.replace(/\r\n?/g, "\n"), liquidOutput, sourceMap, page);
    return this.locator.locate(line - 1, 0);
  }

  /** The links and raw HTML of an inline token starting at `firstLine` (from `fromColumn`); returns the column reached. */
  private inline(token: Token, firstLine: number, fromColumn = 0): number {
    let line = firstLine;
    let column = fromColumn;
    for (const child of token.children ?? []) {
      switch (child.type) {
        case "softbreak":
        case "hardbreak":
          line++;
          column = 0;
          break;
        case "link_open":
        case "image": {
          const attribute = child.attrGet(child.type === "image" ? "src" : "href");
          if (attribute === null) break;
          const value = String(attribute);
          const found = this.locator!.find(line, value, column);
          if (found !== -1) column = found + 1;
          const where = this.locator!.locate(line, Math.max(found, 0), value);
          this.links.push({ value, at: where });
          if (child.type === "image" && /^http:/i.test(value)) {
            this.options.report({ severity: "warning", code: "content-blocked", message: `The image ${value} loads over plain http, which the site's Content-Security-Policy (and a browser on an https site) refuses`, hint: "Write the address with https:.", ...where });
          }
          break;
        }
        case "html_inline":
          column = this.html(child.content, line, column);
          line += countNewlines(child.content);
          break;
      }
    }
    return column;
  }

  /** Raw HTML starting at Markdown line `line`: its links and its unknown tags. Returns the column after it. */
  private html(html: string, line: number, fromColumn: number): number {
    const locator = this.locator!;
    let column = fromColumn;
    const { tags, links } = scanHtmlSnippet(html);
    let lines: LineIndex | undefined; // only for snippets with something to point at
    const at = (offset: number, needle: string): SourcePosition => {
      const tagLine = line + (lines ??= new LineIndex(html)).lineAt(offset);
      const found = locator.find(tagLine, needle, tagLine === line ? column : 0);
      if (found !== -1 && tagLine === line) column = found + 1;
      return locator.locate(tagLine, Math.max(found, 0), needle);
    };
    for (const tag of tags) {
      const text = tagText(html, tag.offset);
      const problem = swallowedTag(tag.name, text, { file: "" });
      if (problem) this.options.report({ ...problem, ...at(tag.offset, text) });
    }
    for (const { offset, message, hint } of blockedContent(html, this.options.siteOrigin)) {
      this.options.report({ severity: "warning", code: "content-blocked", message, hint, ...at(offset, tagText(html, offset)) });
    }
    for (const link of links) this.links.push({ value: link.value, at: at(link.offset, link.value) });
    return column;
  }
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) count++;
  return count;
}
