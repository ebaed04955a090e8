export interface HtmlScanHandler {
  /** Lowercase names of the attributes to read; all others are skipped without making strings of them. */
  attributes: ReadonlySet<string>;
  /** A start tag begins at `offset`; `name` is lowercase. */
  tag?(name: string, offset: number): void;
  /** Whether to read this attribute of this tag (its name is one of `attributes`). */
  wants(tag: string, attribute: string): boolean;
  /** A wanted attribute, its value's character references decoded. */
  attribute(tag: string, name: string, value: string, tagOffset: number): void;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const DASH = 0x2d;
const BANG = 0x21;
const QUESTION = 0x3f;
const RIGHT_BRACKET = 0x5d;

/** Space, tab, line feed, form feed and carriage return: HTML's whitespace, no other. */
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c || c === 0x0d;
const endsName = (c: number) => c === SLASH || c === GT || isSpace(c);
const isAsciiLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);

/**
 * Elements whose content is text up to their end tag, as htmlparser2's tokenizer knows them, each with the end tag
 * it looks for; `plaintext` never ends. `title` and `textarea` differ from the others only in decoding references,
 * which this scan does not do.
 */
const RAW_TEXT = new Map(
  ["iframe", "noembed", "noframes", "plaintext", "script", "style", "textarea", "title", "xmp"].map((name) => [
    name,
    [...`</${name}`].map((char) => char.charCodeAt(0)),
  ]),
);

/** Each raw text element's first letter and length, as one number: most other tags are passed over by it unnamed. */
const shapeOf = (firstLetter: number, length: number) => firstLetter * 16 + length;
const RAW_TEXT_SHAPES = new Set([...RAW_TEXT.keys()].map((name) => shapeOf(name.charCodeAt(0), name.length)));

/**
 * Reads start tags and selected attribute values (of `html`, or of its part `from`..`to`, read as a document of
 * its own; bounds outside `html` are taken as its start and end) exactly as htmlparser2's tokenizer reads them
 * without decoding text: in the way its states go, but a stretch at a time (indexOf and tight loops) rather than a
 * character per call; no tag stack, no attribute objects, and no strings for tags and attributes nobody asked for.
 * A page is mostly markup nobody asks about, so this is what keeps the link check cheap.
 * test/unit/markdown/html-scan.test.ts holds it to the tokenizer.
 */
export function scanHtml(html: string, handler: HtmlScanHandler, from = 0, to = html.length): void {
  // Bounds outside the text are brought inside it (a `to` past the end would have the raw text search run on).
  const end = Math.min(Math.trunc(to) || 0, html.length);
  new HtmlScan(html, handler, end).read(Math.max(Math.trunc(from) || 0, 0));
}

/**
 * One scan's state. A class rather than closures: its methods are the same functions in every scan, so V8 compiles
 * them once for all pages (closures made anew for each page had it compile the scan four times over).
 */
class HtmlScan {
  private readonly lengths: ReadonlySet<number>;
  // The start tag being read: where its `<` and its name's end are, and its lowercase name once made.
  private tagAt = 0;
  private nameEnd = 0;
  private tag: string | undefined;

  constructor(
    private readonly html: string,
    private readonly handler: HtmlScanHandler,
    private readonly to: number,
  ) {
    // The lengths of the names asked for: an attribute of another length is passed over without a string made.
    this.lengths = new Set([...handler.attributes].map((name) => name.length));
  }

  read(from: number): void {
    const { html, to } = this;
    let at = from;
    while (at < to) {
      const lt = this.find("<", at);
      if (lt === -1 || lt + 1 >= to) return;
      const c = html.charCodeAt(lt + 1);
      if (isAsciiLetter(c)) at = this.startTag(lt);
      else if (c === BANG) at = this.afterDeclaration(lt);
      else if (c === QUESTION) at = this.past(lt + 2);
      else if (c === SLASH) {
        // An end tag, or a bogus comment, to the next `>`; `</>` is nothing at all.
        if (lt + 2 >= to) return;
        at = html.charCodeAt(lt + 2) === GT ? lt + 3 : this.past(lt + 3);
      } else at = lt + 1;
    }
  }

  /** Where the first `char` at or after `at` is, within the part; -1 when none. */
  private find(char: string, at: number): number {
    const found = this.html.indexOf(char, at);
    return found < this.to ? found : -1;
  }

  /** The position after the first `>` at or after `at`; `to` (nothing more to read) when none. */
  private past(at: number): number {
    const gt = this.find(">", at);
    return gt === -1 ? this.to : gt + 1;
  }

  /** The first position at or after `at` that holds no whitespace; `to` when none. */
  private pastSpaces(at: number): number {
    const { html, to } = this;
    while (at < to && isSpace(html.charCodeAt(at))) at++;
    return at;
  }

  private tagName(): string {
    return (this.tag ??= this.html.slice(this.tagAt + 1, this.nameEnd).toLowerCase());
  }

  /** An attribute of the tag being read: its name and its value are `html`'s parts `start`..`end` and `from`..`upTo`. */
  private emit(start: number, end: number, from: number, upTo: number): void {
    if (!this.lengths.has(end - start)) return;
    const { html, handler } = this;
    const attribute = html.slice(start, end).toLowerCase();
    if (handler.attributes.has(attribute) && handler.wants(this.tagName(), attribute)) {
      handler.attribute(this.tagName(), attribute, decodeAttribute(html.slice(from, upTo)), this.tagAt);
    }
  }

  /** Reads the start tag whose `<` is at `lt`; returns where the text after it starts. */
  private startTag(lt: number): number {
    const { html, to } = this;
    let i = lt + 2;
    while (i < to && !endsName(html.charCodeAt(i))) i++;
    if (i >= to) return to;
    this.tagAt = lt;
    this.nameEnd = i;
    this.tag = undefined;
    if (this.handler.tag) this.handler.tag(this.tagName(), lt);
    for (;;) {
      i = this.pastSpaces(i);
      if (i >= to) return to;
      let c = html.charCodeAt(i);
      if (c === GT) return this.textAfterTag(i + 1);
      if (c === SLASH) {
        // `/` then `>` ends the tag as `>` does (HTML has no self-closing tags); anything else is read again.
        i++;
        i = this.pastSpaces(i);
        if (i >= to) return to;
        if (html.charCodeAt(i) === GT) return this.textAfterTag(i + 1);
        continue;
      }
      // An attribute's name: its first character may be anything, even `=`.
      const nameStart = i++;
      while (i < to && (c = html.charCodeAt(i)) !== EQUALS && !endsName(c)) i++;
      if (i >= to) return to;
      const attributeEnd = i;
      i = this.pastSpaces(i);
      if (i >= to) return to;
      if (html.charCodeAt(i) !== EQUALS) {
        // No value: the next character starts whatever comes next.
        this.emit(nameStart, attributeEnd, i, i);
        continue;
      }
      i++;
      i = this.pastSpaces(i);
      if (i >= to) return to;
      c = html.charCodeAt(i);
      if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
        const close = this.find(c === DOUBLE_QUOTE ? '"' : "'", i + 1);
        if (close === -1) return to;
        this.emit(nameStart, attributeEnd, i + 1, close);
        i = close + 1;
      } else {
        const valueStart = i;
        while (i < to && (c = html.charCodeAt(i)) !== GT && !isSpace(c)) i++;
        if (i >= to) return to;
        this.emit(nameStart, attributeEnd, valueStart, i);
      }
    }
  }

  /** Where text starts again after the start tag being read, which ends before `at`. */
  private textAfterTag(at: number): number {
    const { html, tagAt } = this;
    if (!RAW_TEXT_SHAPES.has(shapeOf(html.charCodeAt(tagAt + 1) | 0x20, this.nameEnd - tagAt - 1))) return at;
    const name = this.tagName();
    const endTag = RAW_TEXT.get(name);
    if (!endTag) return at;
    if (name === "plaintext") return this.to;
    const end = rawTextEnd(html, at, this.to, endTag, name === "title" || name === "textarea");
    return end === -1 ? this.to : this.past(end);
  }

  /** After `<!` at `lt`: a comment, a CDATA section (a comment in HTML), or a declaration; where text starts again. */
  private afterDeclaration(lt: number): number {
    const { html, to } = this;
    if (html.startsWith("--", lt + 2) && lt + 4 <= to) return this.commentEnd(lt + 4);
    if (html.startsWith("[CDATA[", lt + 2) && lt + 9 <= to) return this.closedBy(lt + 9, RIGHT_BRACKET, RIGHT_BRACKET, -1);
    return this.past(lt + 2);
  }

  /** A comment whose text starts at `start`: `<!-->` and `<!--->` end at once; others at `-->` or `--!>`. */
  private commentEnd(start: number): number {
    const { html, to } = this;
    if (start < to && html.charCodeAt(start) === GT) return start + 1;
    if (start + 1 < to && html.charCodeAt(start) === DASH && html.charCodeAt(start + 1) === GT) return start + 2;
    return this.closedBy(start, DASH, DASH, BANG);
  }

  /**
   * The position after the first `>` at or after `start` that follows `first second`, or `first second third`
   * (when `third` is not -1), all at or after `start`; `to` when none.
   */
  private closedBy(start: number, first: number, second: number, third: number): number {
    const { html } = this;
    for (let gt = this.find(">", start); gt !== -1; gt = this.find(">", gt + 1)) {
      if (gt - 2 >= start && html.charCodeAt(gt - 2) === first && html.charCodeAt(gt - 1) === second) return gt + 1;
      if (third !== -1 && gt - 3 >= start && html.charCodeAt(gt - 3) === first && html.charCodeAt(gt - 2) === second && html.charCodeAt(gt - 1) === third) {
        return gt + 1;
      }
    }
    return this.to;
  }
}

/**
 * Where the end tag of a raw text element (`endTag`, "</script" as character codes) is found, from `at`: the
 * position of the character after its name, -1 when there is none. A step-for-step copy of the tokenizer's
 * search, with its quirks (it compares each character with `| 0x20`, so a control character can stand for `<`).
 */
function rawTextEnd(html: string, at: number, to: number, endTag: readonly number[], isRcdata: boolean): number {
  let matched = 0;
  for (let i = at; i < to; i++) {
    const c = html.charCodeAt(i);
    if (matched === endTag.length) {
      if (endsName(c)) return i;
      matched = 0;
    }
    if ((c | 0x20) === endTag[matched]) matched++;
    else if (matched === 0) {
      if (isRcdata) continue;
      const lt = html.indexOf("<", i + 1);
      if (lt === -1 || lt >= to) return -1;
      i = lt;
      matched = 1;
    } else matched = c === LT ? 1 : 0;
  }
  return -1;
}

const REFERENCE = /&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([a-zA-Z]+));/g;
const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/**
 * Character references in an attribute value: numeric ones and the named ones that occur in URLs and ids.
 * (Others are left as written; a URL or id holding `&ouml;` would not be matched and is reported as written.)
 */
export function decodeAttribute(value: string): string {
  if (!value.includes("&")) return value;
  return value.replace(REFERENCE, (reference, decimal?: string, hex?: string, name?: string) => {
    if (decimal !== undefined) return safeCodePoint(Number(decimal), reference);
    if (hex !== undefined) return safeCodePoint(parseInt(hex, 16), reference);
    return NAMED[name!] ?? reference;
  });
}

function safeCodePoint(codePoint: number, fallback: string): string {
  return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : fallback;
}
