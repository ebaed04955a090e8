import type { LinkOrigin } from "../../markdown/link-origins.ts";
import type { SourcePosition } from "./markdown-locator.ts";
import { scanHtml, type HtmlScanHandler } from "../../markdown/html/html-scan.ts";
import { isImage, isLinkAttribute, LINK_ATTRIBUTE_NAMES } from "../../markdown/html/link-attributes.ts";
import { ownCopy } from "../../text/own-copy.ts";

const SCANNED: ReadonlySet<string> = new Set(["id", "name", ...LINK_ATTRIBUTE_NAMES]);

/** How a URL is used: `l` a link or script or stylesheet, `i` an image, `s` a srcset (a list of image URLs). */
export type LinkKind = "l" | "i" | "s";

/**
 * What the link check needs of a written page, read in one pass. Plain data in few objects: it crosses from
 * render threads to the main thread, where cloning 50 small objects per page would cost more than the scan.
 */
export interface PageFacts {
  /** Every fragment target: `id` attributes and `<a name>`. */
  ids: string[];
  /** Every URL attribute's value, in page order. */
  urls: string[];
  /** One `LinkKind` letter per URL. */
  kinds: string;
  /** Where the writer wrote each content URL, by its index in `urls`; the layout's URLs have none. */
  origins: Record<number, SourcePosition>;
}

/** One URL of a page, as the checks read it. */
export interface PageLink {
  value: string;
  kind: LinkKind;
  origin: SourcePosition | undefined;
}

export function* pageLinks(facts: PageFacts): Generator<PageLink> {
  for (let i = 0; i < facts.urls.length; i++) {
    yield { value: facts.urls[i], kind: facts.kinds[i] as LinkKind, origin: facts.origins[i] };
  }
}

/**
 * Reads the final HTML of a page once (a scan of its tags, no DOM). Links inside the page's content are
 * matched, in order and by value, to the positions the Markdown stage noted; links outside it come from the layout.
 */
export function pageFacts(html: string, contentHtml: string, origins: readonly LinkOrigin[]): PageFacts {
  const byValue = new Map<string, SourcePosition[]>();
  for (const origin of origins) {
    const list = byValue.get(origin.value);
    if (list) list.push(origin.at);
    else byValue.set(origin.value, [origin.at]);
  }
  const contentStart = findContent(html, contentHtml);
  const reader = new FactsReader(byValue, contentStart, contentStart === -1 ? -1 : contentStart + contentHtml.length);
  let from = 0;
  for (const [start, end] of highlightedCode(html)) {
    scanHtml(html, reader, from, start);
    from = end;
  }
  scanHtml(html, reader, from, html.length);
  // One string, not a chain of one-letter pieces: the facts outlive the render.
  reader.facts.kinds = ownCopy(reader.kinds);
  return reader.facts;
}

/**
 * Collects one page's facts as the scan reads it. A class, so that the scan calls the same two methods for every
 * page (and V8 compiles it once), not two new closures per page.
 */
class FactsReader implements HtmlScanHandler {
  readonly attributes = SCANNED;
  readonly facts: PageFacts = { ids: [], urls: [], kinds: "", origins: {} };
  kinds = "";

  constructor(
    /** The positions the Markdown stage noted for each content URL, taken in page order. */
    private readonly byValue: Map<string, SourcePosition[]>,
    /** Where the page's content sits in it; -1 when its place is unknown (a layout that changed it). */
    private readonly contentStart: number,
    private readonly contentEnd: number,
  ) {}

  wants(tag: string, attribute: string): boolean {
    return attribute === "id" || (attribute === "name" && tag === "a") || isLinkAttribute(tag, attribute);
  }

  attribute(tag: string, name: string, value: string, offset: number): void {
    const { facts } = this;
    if (name === "id" || name === "name") {
      if (value) facts.ids.push(ownCopy(value));
      return;
    }
    // Without the content's place every link may be content: matched by value alone.
    const inContent = this.contentStart === -1 || (offset >= this.contentStart && offset < this.contentEnd);
    const origin = inContent ? this.byValue.get(value)?.shift() : undefined;
    if (origin) facts.origins[facts.urls.length] = origin;
    facts.urls.push(ownCopy(value));
    this.kinds += name === "srcset" ? "s" : isImage(tag, name) ? "i" : "l";
  }
}

/** Where the page's content sits in the laid-out page: a short probe finds candidates, a compare confirms. */
function findContent(html: string, content: string): number {
  if (!content) return -1;
  const probe = content.slice(0, 80);
  for (let at = html.indexOf(probe); at !== -1; at = html.indexOf(probe, at + 1)) {
    if (html.startsWith(content, at)) return at;
  }
  return -1;
}

const SHIKI_START = '<pre class="shiki';
const SHIKI_END = "</pre>";

/**
 * Shiki's code blocks: a quarter of a typical page, thousands of spans, never a link or an id (code text is
 * escaped, so `</pre>` cannot occur inside). Skipping them makes the scan that much cheaper.
 */
function highlightedCode(html: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (let start = html.indexOf(SHIKI_START); start !== -1; start = html.indexOf(SHIKI_START, start)) {
    const end = html.indexOf(SHIKI_END, start);
    if (end === -1) break;
    ranges.push([start, end + SHIKI_END.length]);
    start = end;
  }
  return ranges;
}
