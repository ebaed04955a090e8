// kramdown's smart-quote rules (RubyPants's, as kramdown orders them), applied where a `"` or `'` stands in the
// raw inline text, as kramdown applies them: the first rule that matches decides, and it may look at the character
// before the quote and at the Markdown after it (`"*word*"`).

export type Quote = "lsquo" | "rsquo" | "ldquo" | "rdquo";

/** What a rule makes of the text it matched: `text` copies its first group as written; the rest are quotes. */
type Part = "text" | Quote | "open1" | "close1" | "open2" | "close2";

const WS = String.raw`[ \t\r\n\f\v]`; // Ruby's \s
const PUNCT = String.raw`[!"#$%'()*+,\-./:;<=>?@\[\\\]^_\`{|}~]`;
const CLOSE = String.raw`[^ \\\t\r\n\[{(\-]`;
// What CLOSE excludes, plus the whitespace the opening rule reads first.
const NOT_CLOSE = new Set([..." \\\t\r\n\f\v[{(-"]);

const RULES: ReadonlyArray<{ re: RegExp; parts: readonly Part[] }> = [
  { re: /(["'])(?=[_*]{1,2}\S)/y, parts: ["open1"] },
  { re: new RegExp(`(["'])(?=${PUNCT}(?!\\.\\.)\\B)`, "y"), parts: ["close1"] },
  // A double quote and a single one together: 'He said, "'Quoted' words."'
  { re: new RegExp(`(${WS}?)"'(?=\\w)`, "y"), parts: ["text", "ldquo", "lsquo"] },
  { re: new RegExp(`(${WS}?)'"(?=\\w)`, "y"), parts: ["text", "lsquo", "ldquo"] },
  // Decades: the '80s
  { re: new RegExp(`(${WS}?)'(?=\\d\\ds)`, "y"), parts: ["text", "rsquo"] },
  { re: new RegExp(`(${WS})(["'])(?=\\w)`, "y"), parts: ["text", "open2"] },
  { re: new RegExp(`(${CLOSE})(["'])`, "y"), parts: ["text", "close2"] },
  // After markup: <i>Custer</i>'s Last Stand
  { re: new RegExp(`(["'])(?=${WS}|s\\b|$)`, "my"), parts: ["close1"] },
  { re: /([^]?)'/y, parts: ["text", "lsquo"] },
  { re: /([^]?)"/y, parts: ["text", "ldquo"] },
];

/** The quote at `pos` read by kramdown's rules: what comes out, in order, and where reading goes on. */
export interface QuoteReading {
  /** Text to keep as written (before the quotes), then the quotes. */
  text: string;
  quotes: Quote[];
  end: number;
}

/**
 * Reads the quote at `src[pos]`. `withBefore`: the character before it is plain text that kramdown would still
 * see (not the end of a code span, a tag or another quote), so the rules start at that character.
 */
export function readQuote(src: string, pos: number, withBefore: boolean): QuoteReading | undefined {
  const from = withBefore && pos > 0 ? pos - 1 : pos;
  // The common case, a quote after a letter (it's, "word"): the first six rules need a quote or a space at `from`,
  // so the closing rule decides; this skips trying them one by one.
  if (from < pos && !NOT_CLOSE.has(src[from]) && !isQuote(src[from])) {
    return { text: "", quotes: [src[pos] === '"' ? "rdquo" : "rsquo"], end: pos + 1 };
  }
  for (const { re, parts } of RULES) {
    re.lastIndex = from;
    const m = re.exec(src);
    if (!m) continue;
    const end = from + m[0].length;
    if (end <= pos) return undefined;
    let text = "";
    const quotes: Quote[] = [];
    for (const part of parts) {
      if (part === "text") text = m[1].slice(pos - from); // the character before `pos` is already out
      else quotes.push(quoteOf(part, m));
    }
    return { text, quotes, end };
  }
  return undefined;
}

function isQuote(ch: string): boolean {
  return ch === '"' || ch === "'";
}

function quoteOf(part: Exclude<Part, "text">, m: RegExpExecArray): Quote {
  switch (part) {
    case "open1":
    case "open2":
      return m[part === "open1" ? 1 : 2] === '"' ? "ldquo" : "lsquo";
    case "close1":
    case "close2":
      return m[part === "close1" ? 1 : 2] === '"' ? "rdquo" : "rsquo";
    default:
      return part;
  }
}
