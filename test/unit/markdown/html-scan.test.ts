import fc from "fast-check";
import { Tokenizer } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { decodeAttribute, scanHtml, type HtmlScanHandler } from "../../../src/markdown/html/html-scan.ts";

/** What a scan reported, in order: each start tag and each wanted attribute, with offsets. */
type Event = ["tag", string, number] | ["attribute", string, string, string, number];

const ATTRIBUTES: ReadonlySet<string> = new Set(["id", "name", "href", "src", "srcset"]);

function recorder(events: Event[]): HtmlScanHandler {
  return {
    attributes: ATTRIBUTES,
    tag: (name, offset) => void events.push(["tag", name, offset]),
    wants: (tag, attribute) => attribute !== "name" || tag === "a",
    attribute: (tag, name, value, offset) => void events.push(["attribute", tag, name, value, offset]),
  };
}

function scanned(html: string, from?: number, to?: number): Event[] {
  const events: Event[] = [];
  scanHtml(html, recorder(events), from, to);
  return events;
}

/**
 * The same events as htmlparser2's tokenizer gives them (without decoding text, as the scan reads): the reference
 * the scan must match on any input, however broken.
 */
function tokenized(html: string, from = 0, to = html.length): Event[] {
  const events: Event[] = [];
  const part = html.slice(from, to);
  let tag = "";
  let tagStart = 0;
  let attribute: string | undefined;
  let value = "";
  const ignore = () => {};
  const tokenizer = new Tokenizer(
    { decodeEntities: false },
    {
      onopentagname(start, end) {
        tag = part.slice(start, end).toLowerCase();
        tagStart = start;
        events.push(["tag", tag, from + start - 1]);
      },
      onattribname(start, end) {
        const name = part.slice(start, end).toLowerCase();
        attribute = ATTRIBUTES.has(name) && (name !== "name" || tag === "a") ? name : undefined;
        value = "";
      },
      onattribdata(start, end) {
        value += part.slice(start, end);
      },
      onattribend() {
        if (attribute !== undefined) events.push(["attribute", tag, attribute, decodeAttribute(value), from + tagStart - 1]);
        attribute = undefined;
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
    },
  );
  tokenizer.write(part);
  tokenizer.end();
  return events;
}

/** Pieces of HTML, whole and broken, that a page written by hand or by a careless plugin may hold. */
const PIECES = [
  "<", ">", "/", "!", "-", "--", "[", "]", "]]", '"', "'", "=", " ", "\n", "\t", "a", "A", "href", "HREF", "id",
  "name", "src", "srcset", "x", "script", "SCRIPT", "style", "title", "textarea", "xmp", "iframe", "noembed",
  "noframes", "plaintext", "CDATA[", "doctype", "DOCTYPE", "?", "&amp;", "&#65;", "img", "link", "\x0f", "\x1c",
  "é", "İ", "\u212a", '<a href="', "</", "<!--", "-->", "--!>", "<![CDATA[", "<script>", "</script>", "<title>",
  "</title ", "<a ", "<img src=", "<plaintext>", '="x"', "='y'",
];
const CHARACTERS = [..."<>/!-[]\"'= \nahHiIdsrctpxyle?&;#\x0f\x1c"];
const NAMES = ["a", "A", "img", "script", "SCRIPT", "sCrIpT", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "plaintext", "scripts", "p", "t"];
const SPACES = [" ", "\n", "\t", "\f", "\r", "\v", "\u00a0"];

/** Up to `most` of `choices`, one after another. */
const joined = (choices: readonly string[], most: number, least = 0) =>
  fc.array(fc.constantFrom(...choices), { minLength: least, maxLength: most }).map((parts) => parts.join(""));
const oneOf = (choices: readonly string[]) => fc.constantFrom(...choices);
const concat = (...parts: Array<fc.Arbitrary<string>>) => fc.tuple(...parts).map((strings) => strings.join(""));

const attribute = fc
  .tuple(joined(SPACES, 2), oneOf(["href", "HREF", "id", "name", "src", "srcset", "class", "=", "/", "'", '"']), joined(["x", "/", ">", "'", '"', " ", "&amp;", "="], 3), fc.nat(6))
  .map(([space, name, value, form]) => space + name + ["", "=", " = ", `="${value}"`, `='${value}'`, `=${value}`, `="${value}`][form]);

/**
 * Constructs, each well formed or broken in one place: start tags with attributes of every quoting, end tags,
 * comments, CDATA, declarations and text. Unlike random pieces, they reach the ends of comments and of raw text,
 * where the tokenizer's rules are finest.
 */
const construct = fc.oneof(
  joined(["x", " ", "&", ">", "<", "<<", "< a"], 4),
  concat(fc.constant("<"), oneOf(NAMES), fc.array(attribute, { maxLength: 2 }).map((list) => list.join("")), oneOf([">", "/>", " />", "/ >", "", "/"])),
  concat(fc.constant("</"), oneOf(NAMES), oneOf(["", " ", "/", "\x0f"]), oneOf([">", "", " x>"])),
  concat(oneOf(["<", "\x1c", "<\x0f"]), oneOf(["/", ""]), oneOf(["script", "SCRIPT", "style", "title"]), oneOf([">", " ", ""])),
  concat(oneOf(["<title>", "<textarea>", "<script>", "<style>"]), joined([" ", "x", "<", "/", "\x1c", "\x0f", "title", "TEXTAREA", "script", "style", ">"], 6)),
  concat(fc.constant("<!--"), joined(["-", "!", ">", "x", " ", "<a id=c>"], 6), oneOf(["-->", "--!>", "", "->", "-!>"])),
  concat(fc.constant("<![CDATA["), joined(["]", ">", "x"], 5), oneOf(["]]>", "", "]>"])),
  concat(fc.constant("<!"), joined(["doctype", "DOCTYPE", "d", "x", "[", "-", " "], 2), oneOf([">", ""])),
  concat(fc.constant("<"), oneOf(["?", "/", "!", " ", "1"]), joined(["x", "?", "-", " "], 3), oneOf([">", ""])),
);

/** A document and the part of it to scan: the whole, or (one time in three) a part cut at random. */
const withPart = (document: fc.Arbitrary<string>) =>
  fc.tuple(document, fc.nat(2), fc.nat(), fc.nat()).map(([html, whole, a, b]) => {
    if (whole > 0 || html.length === 0) return { html, from: 0, to: html.length };
    const from = a % html.length;
    return { html, from, to: from + (b % (html.length - from + 1)) };
  });

/** The scan agrees with the tokenizer, event for event (fast-check shrinks a failing document to a small one). */
const agreesWithTokenizer = ({ html, from, to }: { html: string; from: number; to: number }): void => {
  expect(scanned(html, from, to)).toEqual(tokenized(html, from, to));
};

const RUNS = { seed: 4_242, numRuns: 30_000 };

describe("scanHtml", () => {
  it("reads the tags and attributes of a page as it is written", () => {
    const html =
      '<!DOCTYPE html><html lang="en"><head><title>A <b> title</title><script>if (a <b) { x = "<a href=no>"; }</script>' +
      '<!-- <a href="commented"> --></head><body><a href="/docs/one.html#top" class=x>One</a>' +
      "<img src=/img/a.png alt='A &amp; B'><a name=\"old\" href='/two.html?a=1&amp;b=2'>Two</a></body></html>";
    expect(scanned(html).filter((event) => event[0] === "attribute")).toEqual([
      ["attribute", "a", "href", "/docs/one.html#top", html.indexOf('<a href="/docs')],
      ["attribute", "img", "src", "/img/a.png", html.indexOf("<img")],
      ["attribute", "a", "name", "old", html.indexOf('<a name="old"')],
      ["attribute", "a", "href", "/two.html?a=1&b=2", html.indexOf('<a name="old"')],
    ]);
    expect(scanned(html).filter((event) => event[0] === "tag").map((event) => event[1])).toEqual([
      "html", "head", "title", "script", "body", "a", "img", "a",
    ]);
  });

  it("reads what HTML reads in the corners: unquoted values, values without a name's end, raw text to its end tag", () => {
    expect(scanned("<a href=foo/>")).toEqual([["tag", "a", 0], ["attribute", "a", "href", "foo/", 0]]);
    expect(scanned('<a href="x"id="y">')).toEqual([["tag", "a", 0], ["attribute", "a", "href", "x", 0], ["attribute", "a", "id", "y", 0]]);
    expect(scanned("<a href>")).toEqual([["tag", "a", 0], ["attribute", "a", "href", "", 0]]);
    const raw = '<style></styled><a href="in"></STYLE ><a id="out">';
    expect(scanned(raw)).toEqual([["tag", "style", 0], ["tag", "a", raw.indexOf('<a id')], ["attribute", "a", "id", "out", raw.indexOf('<a id')]]);
    expect(scanned('<plaintext><a href="never">')).toEqual([["tag", "plaintext", 0]]);
    expect(scanned('<!--> <a id="after-abrupt-comment">')).toEqual([["tag", "a", 6], ["attribute", "a", "id", "after-abrupt-comment", 6]]);
    expect(scanned('<!-- --!> <a id="b">')).toEqual([["tag", "a", 10], ["attribute", "a", "id", "b", 10]]);
    expect(scanned('<a href="unterminated')).toEqual([["tag", "a", 0]]);
  });

  it("reads a part whose bounds fall outside the text as the part inside it, and ends", () => {
    expect(scanned("<title>", 0, Infinity)).toEqual([["tag", "title", 0]]);
    expect(scanned('<a id="x">', -3, 1e9)).toEqual([["tag", "a", 0], ["attribute", "a", "id", "x", 0]]);
    expect(scanned('<a id="x">', 5, 2)).toEqual([]);
  });

  it("reads the attributes its handler asks for at the time of each scan", () => {
    const attributes = new Set(["id"]);
    const events: Event[] = [];
    const handler = { ...recorder(events), attributes };
    scanHtml('<a href="/one" id="a">', handler);
    attributes.add("href");
    scanHtml('<a href="/two">', handler);
    expect(events.filter((event) => event[0] === "attribute").map((event) => event[3])).toEqual(["a", "/two"]);
  });

  it("matches htmlparser2's tokenizer on random documents of HTML pieces, whole and in parts", () => {
    fc.assert(fc.property(withPart(joined(PIECES, 30, 1)), agreesWithTokenizer), RUNS);
  });

  it("matches htmlparser2's tokenizer on random documents of constructs, whole and in parts", () => {
    fc.assert(fc.property(withPart(fc.array(construct, { minLength: 1, maxLength: 8 }).map((list) => list.join(""))), agreesWithTokenizer), RUNS);
  });

  it("matches htmlparser2's tokenizer on random documents of single characters", () => {
    fc.assert(fc.property(withPart(joined(CHARACTERS, 30, 1)), agreesWithTokenizer), RUNS);
  });
});
