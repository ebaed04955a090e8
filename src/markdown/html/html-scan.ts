import { Tokenizer, type TokenizerCallbacks } from "htmlparser2";

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

/**
 * Reads start tags and selected attribute values (of `html`, or of its part `from`..`to`) with htmlparser2's
 * tokenizer, below its Parser: no tag stack, no attribute objects, and no strings for tags and attributes
 * nobody asked for. A page is mostly markup nobody asks about, so this is what keeps the link check cheap.
 */
export function scanHtml(html: string, handler: HtmlScanHandler, from = 0, to = html.length): void {
  const lengths = new Set([...handler.attributes].map((name) => name.length));
  let tag: string | undefined;
  let tagStart = 0;
  let tagEnd = 0;
  let attribute = "";
  let capturing = false;
  let value = "";
  const tagName = () => (tag ??= html.slice(from + tagStart, from + tagEnd).toLowerCase());
  const ignore = () => {};
  const callbacks: TokenizerCallbacks = {
    onopentagname(start, end) {
      tag = undefined;
      tagStart = start;
      tagEnd = end;
      handler.tag?.(tagName(), from + start - 1); // offset of the `<`
    },
    onattribname(start, end) {
      capturing = false;
      if (!lengths.has(end - start)) return;
      attribute = html.slice(from + start, from + end).toLowerCase();
      capturing = handler.attributes.has(attribute) && handler.wants(tagName(), attribute);
      value = "";
    },
    onattribdata(start, end) {
      if (capturing) value += html.slice(from + start, from + end);
    },
    onattribend() {
      if (capturing) handler.attribute(tagName(), attribute, decodeAttribute(value), from + tagStart - 1);
      capturing = false;
    },
    onattribentity: ignore,
    onopentagend: ignore,
    onselfclosingtag: ignore,
    onclosetag: ignore,
    ontext: ignore,
    ontextentity: ignore,
    oncomment: ignore,
    oncdata: ignore,
    ondeclaration: ignore,
    onprocessinginstruction: ignore,
    onend: ignore,
  };
  // Entities are decoded only in the few values read (below): decoding all text costs the tokenizer 40%.
  const tokenizer = new Tokenizer({ decodeEntities: false }, callbacks);
  // A part of the page starting at a tag boundary tokenizes like the whole; offsets are made page-relative above.
  tokenizer.write(from === 0 && to === html.length ? html : html.slice(from, to));
  tokenizer.end();
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
