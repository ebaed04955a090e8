import type { SourcePosition } from "../../diagnostics/diagnostic.ts";
import { displayPath } from "../../liquid/liquid-diagnostic.ts";
import { LineIndex } from "../../liquid/line-index.ts";
import type { LiquidSourceMap } from "../../liquid/source-map.ts";

/** Where a problem is, as a diagnostic names it. */
export type { SourcePosition };

/**
 * From a line and column of the Markdown a page rendered (its Liquid output, which markdown-it's `token.map`
 * counts in) to the source file, line and include chain that wrote it.
 */
export class MarkdownLocator {
  private readonly md: LineIndex;
  private readonly liquid: LineIndex;

  constructor(
    src: string,
    liquidOutput: string,
    private readonly sourceMap: LiquidSourceMap | undefined,
    private readonly page: { file: string; sourceDir: string },
  ) {
    this.md = new LineIndex(src);
    // markdown-it normalizes line breaks; lines still correspond one to one, so columns carry over.
    this.liquid = src === liquidOutput ? this.md : new LineIndex(liquidOutput);
  }

  /** Text of 0-based Markdown line `line`, as markdown-it saw it. */
  lineText(line: number): string {
    return this.md.lineText(line);
  }

  /** 0-based column where `needle` first appears in Markdown line `line` at or after `from`, or -1. */
  find(line: number, needle: string, from = 0): number {
    return needle ? this.lineText(line).indexOf(needle, from) : -1;
  }

  /** The source of 0-based `column` of 0-based Markdown line `line`; `needle` is the text being pointed at. */
  locate(line: number, column: number, needle?: string): SourcePosition {
    const found = this.sourceMap?.locate(this.liquid.lineStart(line) + Math.max(column, 0), needle);
    if (!found || !found.file) return { file: this.page.file, line: line + 1 };
    const position: SourcePosition = {
      file: displayPath(this.page.sourceDir, found.file),
      line: found.line,
      column: found.column,
    };
    if (found.chain.length) position.chain = found.chain.map((link) => `${displayPath(this.page.sourceDir, link.file)}:${link.line}`);
    return position;
  }
}
