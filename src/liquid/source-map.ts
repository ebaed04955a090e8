import { TokenKind, type Emitter, type Template, type Token } from "liquidjs";
import { LineIndex } from "./line-index.ts";

/** One include being rendered: the include tag that pulled it in, inside the include (or page) around it. */
export interface IncludeFrame {
  tag: Token;
  parent: IncludeFrame | undefined;
}

/** Where a piece of Liquid output was written: an absolute file, 1-based line and column, and the include chain. */
export interface LiquidLocation {
  file: string;
  line: number;
  column: number;
  /** The include tags that led to `file`, outermost first. */
  chain: { file: string; line: number }[];
}

// Include files are shared by many pages: their line indexes are built once per file and text.
const sharedIndexes = new Map<string, LineIndex>();

/**
 * Maps offsets in a page's Liquid output back to the file and line that produced them. While the page renders,
 * every template (literal text, `{{ }}`, tag) writing into the page's output is recorded with the output length
 * at its start; text is mapped back character for character, and a `{{ }}` or tag output to where it stands.
 * Recording is one push per template; lookups are binary searches, made only for the few offsets a check asks
 * about, so a page costs O(templates + lookups × log n).
 */
export class LiquidSourceMap {
  /** The page's own output buffer; templates rendering elsewhere (a `capture`) are not recorded. */
  emitter: Emitter | undefined;
  /** The include being rendered now. */
  frame: IncludeFrame | undefined;
  private readonly offsets: number[] = [];
  private readonly templates: Template[] = [];
  private readonly frames: (IncludeFrame | undefined)[] = [];
  private readonly pageIndexes = new Map<string, LineIndex>();

  record(outputOffset: number, template: Template): void {
    this.offsets.push(outputOffset);
    this.templates.push(template);
    this.frames.push(this.frame);
  }

  /** Forgets what was recorded after `template` started (it is being rendered again). */
  rewindTo(template: Template): void {
    const i = this.templates.lastIndexOf(template);
    if (i < 0) return;
    this.offsets.length = this.templates.length = this.frames.length = i + 1;
  }

  enterInclude(tag: Token): void {
    this.frame = { tag, parent: this.frame };
  }

  exitInclude(): void {
    this.frame = this.frame?.parent;
  }

  /**
   * The source of the output character at `offset`. `needle`, the text being located (a URL, a tag), refines
   * the position when the output came from an include parameter: then the writer typed it in the include tag.
   */
  locate(offset: number, needle?: string): LiquidLocation | undefined {
    const i = lastAtOrBefore(this.offsets, offset);
    if (i < 0) return undefined;
    const token = this.templates[i].token;
    const frame = this.frames[i];
    if (token.kind === TokenKind.HTML) {
      const start = token.begin + (token as unknown as { trimLeft: number }).trimLeft;
      return this.at(token, Math.min(start + offset - this.offsets[i], token.end), frame);
    }
    // `{{ include.content }}`: the text was written as a parameter of the include tag that led here.
    if (token.kind === TokenKind.Output && frame && /^include\./.test((token as unknown as { content: string }).content)) {
      const tagText = frame.tag.getText();
      const found = needle ? tagText.indexOf(needle) : -1;
      return this.at(frame.tag, frame.tag.begin + Math.max(found, 0), frame.parent);
    }
    return this.at(token, token.begin, frame);
  }

  private at(token: Token, sourceOffset: number, frame: IncludeFrame | undefined): LiquidLocation {
    const { line, column } = this.indexOf(token, frame !== undefined).position(sourceOffset);
    const chain: { file: string; line: number }[] = [];
    for (let f = frame; f; f = f.parent) {
      chain.unshift({ file: f.tag.file ?? "", line: this.indexOf(f.tag, f.parent !== undefined).position(f.tag.begin).line });
    }
    return { file: token.file ?? "", line, column, chain };
  }

  private indexOf(token: Token, isInclude: boolean): LineIndex {
    const key = token.file ?? "";
    const cache = isInclude ? sharedIndexes : this.pageIndexes;
    let index = cache.get(key);
    // The same text object on every page, so this comparison is by reference; an edited file gets a new index.
    if (!index || index.text !== token.input) {
      index = new LineIndex(token.input);
      cache.set(key, index);
    }
    return index;
  }
}

/** Index of the last value <= target in an ascending array, or -1. */
function lastAtOrBefore(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (values[mid] <= target) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
