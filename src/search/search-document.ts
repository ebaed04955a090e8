import { ownCopy } from "../text/own-copy.ts";

/** Classes of the parts of a page's body that are not its text: code block toolbars ("JSON", "Copy") and heading anchors. */
export const NOT_TEXT_CLASSES = ["code-block__bar", "heading-anchor"];

const BODY = "data-pagefind-body";
const IGNORE = "data-pagefind-ignore";
/** What may follow an attribute's name in a tag: its value, the next attribute, or the tag's end. */
const ATTRIBUTE_END = /^[\s=>]$/;
/** A start tag as our layouts and renderers write it: a lowercase name, attributes in double quotes. */
const TAG = /^<([a-z][a-z0-9]*)(?:\s+[a-z][a-z0-9-]*(?:="[^"]*")?)*\s*>$/;
/** The same up to where an attribute starts (not inside a value). */
const TAG_UP_TO_ATTRIBUTE = /^<[a-z][a-z0-9]*(?:\s+[a-z][a-z0-9-]*(?:="[^"]*")?)*\s+$/;
/** How the ignore attribute is written on a part Pagefind leaves out (other values make it warn). */
const IGNORE_ATTRIBUTE = /^data-pagefind-ignore(?:="(?:index|true|all)?")?[\s>]/;
/** Elements whose end cannot be found by counting their name (void ones, and those whose end tag may be left out). */
const UNCOUNTABLE = new Set([
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
  "p", "li", "dt", "dd", "rt", "rp", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "colgroup", "option", "optgroup",
  "html", "head", "body",
]);
/** Elements Pagefind leaves out by name (its parser's REMOVE_SELECTORS): a body cannot be one. */
const LEFT_OUT_BY_NAME = new Set(["style", "script", "noscript", "label", "form", "svg", "footer", "nav", "iframe", "template"]);
/**
 * Before the body: the <html> tag (group 1), comments, scripts, styles and the title (group 2), skipped to their
 * end; and what makes the page go whole: what Pagefind would still read there (an h1 for a title, an <img>,
 * data-pagefind-* attributes), what hides tags, and capitals, which the lowercase names here would miss.
 */
const BEFORE = /<(html)[\s>]|<!--|<(script|style|title)[\s>]|<(?:h1|img|textarea|xmp|plaintext|noembed|noframes|iframe|noscript|template)[\s>/]|<\/?[A-Z]|<!\[CDATA\[|data-pagefind-/g;
const PAGEFIND_ATTRIBUTE = /data-pagefind-/gi;
const AFTER = /<(?:h1|img|title)[\s>/]|data-pagefind-/i;
/** Inside the body, what the cuts below cannot follow: elements whose text may look like tags, and capitals. */
const INSIDE = /<(?:script|style|textarea|title|xmp|plaintext|noembed|noframes|iframe|noscript|template|math)[\s>/]|<\/?[A-Z]|<!\[CDATA\[/;
/**
 * In the body, what would make the counting of tags below go wrong: an attribute value holding a
 * `<` or `>` (`title="</article>"` is no end tag; unquoted, only inside a tag: `?where=active</strong>` is text),
 * and `<?…>` or `<!…>` other than a comment, which HTML reads as a comment ending at the first `>`. Our renderers
 * escape these in values (and `"` in text); an author's raw HTML may not.
 */
const UNCOUNTABLE_TEXT = /=\s*(?:"[^"]*?[<>]|'[^']*?[<>])|<[?!](?!--)/;
/** An unquoted value running into a `<`, looked for inside tags only where UNQUOTED_LOOK_ALIKE finds one anywhere. */
const UNQUOTED_LOOK_ALIKE = /=\s*[^\s"'=<>`]*</;
const UNQUOTED_IN_A_TAG = /<[a-zA-Z](?:[^<>"']|"[^"]*"|'[^']*')*?=\s*[^\s"'=<>`]*</;
/** What Pagefind reads even in a part it leaves out: an h1 (a title), an <img> (an image). */
const READ_WHEN_LEFT_OUT = /<(?:h1|img)[\s>/]/;
const BAR_START = '<div class="code-block__bar">';
const ANCHOR_START = '<a class="heading-anchor"';
const ANCHOR = /^<a class="heading-anchor"(?:\s+(?:href|aria-label)="[^"]*")*><\/a>$/;
/** A span with more than a class or a style (an id makes an anchor): then no span tag is cut. */
const SPAN_WITH_MORE = /<span(?!(?:\s+(?:class|style)="[^"]*")*\s*>)/;
const SPAN_TAG = /<\/?span(?:\s+(?:class|style)="[^"]*")*\s*>/g;

/**
 * The page as Pagefind needs it, as a much smaller HTML document: `<html lang>`, the <title>, and the element with
 * `data-pagefind-body` with what is inside it, less the parts Pagefind leaves out (data-pagefind-ignore, code block
 * toolbars, heading anchors, comments) and the <span> tags of highlighted code (their text stays). A page is mostly
 * layout and highlighting markup, which Pagefind would otherwise receive over a pipe and parse only to drop.
 *
 * It is made by slicing the page where our layouts and renderers put things: a few searches per page, not an HTML
 * parse. Pagefind indexes it exactly as the whole page (test/unit/search/search-document.test.ts compares them);
 * a page not in those shapes (a second body, an h1 or data-pagefind-* outside the body, a script inside it, a
 * left-out part holding something Pagefind reads…) is returned whole.
 */
export function searchDocument(html: string): string {
  const at = html.indexOf(BODY);
  if (at === -1 || html.indexOf(BODY, at + 1) !== -1) return html;
  // The attribute itself, not one whose name only starts like it (`data-pagefind-bodyx`).
  if (!ATTRIBUTE_END.test(html.charAt(at + BODY.length))) return html;
  const start = html.lastIndexOf("<", at);
  const end = html.indexOf(">", at) + 1;
  const startTag = html.slice(start, end);
  const name = TAG.exec(startTag)?.[1];
  if (name === undefined || UNCOUNTABLE.has(name) || LEFT_OUT_BY_NAME.has(name) || !TAG_UP_TO_ATTRIBUTE.test(html.slice(start, at))) return html;
  if (NOT_TEXT_CLASSES.some((notText) => startTag.includes(notText))) return html;

  const before = html.slice(0, start);
  const head = headOf(before);
  if (head === undefined || count(before, PAGEFIND_ATTRIBUTE) > 0) return html;
  const body = withoutComments(html, end, name);
  if (body === undefined || AFTER.test(html.slice(body.closeEnd)) || !countable(html.slice(end, body.closeEnd))) return html;
  const text = textOf(body.inner, name);
  if (text === undefined) return html;
  // Made of slices of the page, it would keep the whole page in memory while it waits for Pagefind.
  return ownCopy(`${head.htmlTag}<head>${head.title}</head><body>${startTag}${text}${html.slice(body.close, body.closeEnd)}</body>${head.htmlTag ? "</html>" : ""}`);
}

/**
 * The <html> start tag (for its lang) and the first <title> element of the part before the body; undefined when
 * that part holds anything else of BEFORE than whole comments, scripts, styles and titles.
 */
function headOf(before: string): { htmlTag: string; title: string } | undefined {
  let htmlTag = "";
  let title = "";
  BEFORE.lastIndex = 0;
  for (let found = BEFORE.exec(before); found; found = BEFORE.exec(before)) {
    if (found[1]) {
      const tag = before.slice(found.index, before.indexOf(">", found.index) + 1);
      if (htmlTag || TAG.exec(tag)?.[1] !== "html") return undefined;
      htmlTag = tag;
      continue;
    }
    const skipped = found[0] === "<!--" ? commentEnd(before, found.index) : found[2] ? closeOf(before, found[2], BEFORE.lastIndex) : -1;
    if (skipped === -1) return undefined;
    if (found[2] === "title" && !title) title = before.slice(found.index, skipped);
    BEFORE.lastIndex = skipped;
  }
  return { htmlTag, title };
}

/** Where the end tag of a script, style or title whose content starts at `from` ends; -1 when it does not. */
function closeOf(text: string, name: string, from: number): number {
  const at = text.indexOf(`</${name}`, from);
  return at === -1 ? -1 : text.indexOf(">", at) + 1 || -1;
}

/**
 * Where the comment starting at `at` ends, or -1 when it does not end, or ends in one of HTML's odd ways
 * (`<!-->`, `<!--->`, `--!>`) that a search for "-->" would not follow as Pagefind's parser does.
 */
function commentEnd(text: string, at: number): number {
  if (text.startsWith(">", at + 4) || text.startsWith("->", at + 4)) return -1;
  const end = text.indexOf("-->", at + 4);
  if (end === -1 || text.slice(at + 4, end).includes("--!>")) return -1;
  return end + 3;
}

/**
 * The inside of the body starting at `from`, without its comments (Pagefind reads no comment; they could hide tags
 * from the counting below), and where the body's end tag begins and ends: its name counted in and out.
 */
function withoutComments(html: string, from: number, name: string): { inner: string; close: number; closeEnd: number } | undefined {
  const tags = new RegExp(`<(/?)${name}[\\s>/]|<!--`, "g");
  tags.lastIndex = from;
  const kept: string[] = [];
  let keptFrom = from;
  let depth = 1;
  for (let tag = tags.exec(html); tag; tag = tags.exec(html)) {
    if (tag[0] === "<!--") {
      const end = commentEnd(html, tag.index);
      if (end === -1) return undefined;
      kept.push(html.slice(keptFrom, tag.index));
      keptFrom = tags.lastIndex = end;
      continue;
    }
    depth += tag[1] ? -1 : 1;
    if (depth > 0) continue;
    kept.push(html.slice(keptFrom, tag.index));
    return { inner: kept.join(""), close: tag.index, closeEnd: html.indexOf(">", tag.index) + 1 };
  }
  return undefined;
}

/**
 * Whether the body, up to the end tag the counting found, holds nothing that fools the counting (UNCOUNTABLE_TEXT):
 * an end tag's look-alike in a value or a comment-like tag makes the counting stop early, inside it.
 */
function countable(body: string): boolean {
  return !UNCOUNTABLE_TEXT.test(body) && !(UNQUOTED_LOOK_ALIKE.test(body) && UNQUOTED_IN_A_TAG.test(body));
}

/** The inside of the body (without comments) less its left-out parts and span tags; undefined when one is unsure. */
function textOf(inner: string, name: string): string | undefined {
  if (INSIDE.test(inner) || new RegExp(`<${name}(?:\\s[^<>]*)?/>`).test(inner)) return undefined;
  const withoutIgnored = cutIgnored(inner);
  if (withoutIgnored === undefined || count(withoutIgnored, PAGEFIND_ATTRIBUTE) > 0) return undefined;
  const withoutBars = cutAll(withoutIgnored, BAR_START, "</div>", (bar) => !/<(?:div|h1|img)[\s>/]/.test(bar.slice(1)));
  const withoutAnchors = withoutBars && cutAll(withoutBars, ANCHOR_START, "</a>", (anchor) => ANCHOR.test(anchor));
  if (withoutAnchors === undefined || NOT_TEXT_CLASSES.some((notText) => withoutAnchors.includes(notText))) return undefined;
  return SPAN_WITH_MORE.test(withoutAnchors) ? withoutAnchors : withoutAnchors.replace(SPAN_TAG, "");
}

/**
 * `inner` less the elements marked data-pagefind-ignore (the API reference's examples, for one). Each must hold
 * nothing Pagefind reads in an ignored part: no other data-pagefind-* attribute (meta and filters count there), no
 * h1 or img. Ids in it make no sub-results, so they may go.
 */
function cutIgnored(inner: string): string | undefined {
  const kept: string[] = [];
  let from = 0;
  for (let at = inner.indexOf(IGNORE); at !== -1; at = inner.indexOf(IGNORE, from)) {
    const start = inner.lastIndexOf("<", at);
    const tagEnd = inner.indexOf(">", at) + 1;
    const tag = inner.slice(start, tagEnd);
    const name = TAG.exec(tag)?.[1];
    if (start < from || name === undefined || UNCOUNTABLE.has(name)) return undefined;
    if (!TAG_UP_TO_ATTRIBUTE.test(inner.slice(start, at)) || !IGNORE_ATTRIBUTE.test(inner.slice(at, tagEnd))) return undefined;
    const close = closingTag(inner, name, tagEnd);
    if (close === -1) return undefined;
    const end = inner.indexOf(">", close) + 1;
    const part = inner.slice(start, end);
    if (count(part, PAGEFIND_ATTRIBUTE) !== 1 || READ_WHEN_LEFT_OUT.test(part)) return undefined;
    kept.push(inner.slice(from, start));
    from = end;
  }
  kept.push(inner.slice(from));
  return kept.join("");
}

/** Where the end tag of the element named `name` whose content starts at `from` begins: -1 when it does not end. */
function closingTag(text: string, name: string, from: number): number {
  const tags = new RegExp(`<(/?)${name}[\\s>/]`, "g");
  tags.lastIndex = from;
  let depth = 1;
  for (let tag = tags.exec(text); tag; tag = tags.exec(text)) {
    depth += tag[1] ? -1 : 1;
    if (depth === 0) return tag.index;
  }
  return -1;
}

/** `text` less every part from `open` to the first `close` after it, each of which must pass `valid`. */
function cutAll(text: string, open: string, close: string, valid: (part: string) => boolean): string | undefined {
  const kept: string[] = [];
  let from = 0;
  for (let at = text.indexOf(open); at !== -1; at = text.indexOf(open, from)) {
    const end = text.indexOf(close, at);
    if (end === -1 || !valid(text.slice(at, end + close.length))) return undefined;
    kept.push(text.slice(from, at));
    from = end + close.length;
  }
  kept.push(text.slice(from));
  return kept.join("");
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
