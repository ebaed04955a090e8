// Which Markdown dialect a tree is written in, and kramdown's typography settings, from its _config.yml.
import { kramdownOptions, type KramdownOptions } from "./kramdown-options.ts";

/** Whose rules decide where kramdown and CommonMark disagree. */
export type MarkdownFlavor = "kramdown" | "commonmark";

/** kramdown's names for what its typography writes, as `kramdown: typographic_symbols:` uses them. */
export const TYPOGRAPHIC_SYMBOLS = ["mdash", "ndash", "hellip", "laquo", "raquo", "laquo_space", "raquo_space"] as const;
export type TypographicSymbol = (typeof TYPOGRAPHIC_SYMBOLS)[number];

export interface Typography {
  /** Single open, single close, double open, double close. */
  quotes: readonly [string, string, string, string];
  symbols: Readonly<Record<TypographicSymbol, string>>;
}

/** kramdown's defaults (`smart_quotes: lsquo,rsquo,ldquo,rdquo`), written as characters as Jekyll's kramdown does. */
export const KRAMDOWN_TYPOGRAPHY: Typography = {
  quotes: ["\u2018", "\u2019", "\u201c", "\u201d"],
  symbols: {
    mdash: "\u2014",
    ndash: "\u2013",
    hellip: "\u2026",
    laquo: "\u00ab",
    raquo: "\u00bb",
    laquo_space: "\u00ab\u00a0",
    raquo_space: "\u00a0\u00bb",
  },
};

/** Entity names smart_quotes may use, beyond numbers; kramdown accepts any HTML entity, writers use these. */
const QUOTE_ENTITIES: Record<string, string> = {
  lsquo: "\u2018",
  rsquo: "\u2019",
  ldquo: "\u201c",
  rdquo: "\u201d",
  sbquo: "\u201a",
  bdquo: "\u201e",
  lsaquo: "\u2039",
  rsaquo: "\u203a",
  laquo: "\u00ab",
  raquo: "\u00bb",
  apos: "'",
  quot: '"',
  prime: "\u2032",
  Prime: "\u2033",
  nbsp: "\u00a0",
};

export interface MarkdownSettings {
  flavor: MarkdownFlavor;
  typography: Typography;
  /** kramdown's other options that change pages (with flavor "kramdown"). */
  kramdown: KramdownOptions;
}

/** The `site` values read here; the rest of `site` may come along. */
interface SiteMarkdownValues {
  markdown?: unknown;
  kramdown?: unknown;
  [key: string]: unknown;
}

/**
 * `markdown:` names the converter, as in Jekyll, whose default is kramdown: absent or `kramdown` (any case) means
 * kramdown's rules; anything else (CommonMark, GFM, …) keeps CommonMark's. Call `markdownSettingsProblem` first:
 * a setting it reports is read here as kramdown's default.
 */
export function markdownSettings(site: SiteMarkdownValues): MarkdownSettings {
  const name = site.markdown === undefined || site.markdown === null ? "kramdown" : String(site.markdown);
  const flavor: MarkdownFlavor = name.trim().toLowerCase() === "kramdown" ? "kramdown" : "commonmark";
  const kramdown = isRecord(site.kramdown) ? site.kramdown : {};
  const quotes = readQuotes(kramdown.smart_quotes);
  const symbols = readSymbols(kramdown.typographic_symbols);
  return {
    flavor,
    kramdown: kramdownOptions(kramdown),
    typography: {
      quotes: "error" in quotes ? KRAMDOWN_TYPOGRAPHY.quotes : quotes.value,
      symbols: "error" in symbols ? KRAMDOWN_TYPOGRAPHY.symbols : { ...KRAMDOWN_TYPOGRAPHY.symbols, ...symbols.value },
    },
  };
}

/** A `kramdown:` setting this generator would misread, as a message and hint; undefined when all is well. */
export function markdownSettingsProblem(site: SiteMarkdownValues): { message: string; hint: string } | undefined {
  if (site.kramdown === undefined || site.kramdown === null) return undefined;
  if (!isRecord(site.kramdown)) {
    return { message: "kramdown: must be a mapping of kramdown options.", hint: "Write kramdown: on its own line and each option indented below it." };
  }
  for (const result of [readQuotes(site.kramdown.smart_quotes), readSymbols(site.kramdown.typographic_symbols)]) {
    if ("error" in result) return result.error;
  }
  return undefined;
}

type Read<T> = { value: T } | { error: { message: string; hint: string } };

function readQuotes(value: unknown): Read<Typography["quotes"]> {
  if (value === undefined || value === null) return { value: KRAMDOWN_TYPOGRAPHY.quotes };
  const names = String(value).split(",").map((name) => name.trim());
  const chars = names.map(entityChar);
  if (names.length !== 4 || chars.some((c) => c === undefined)) {
    return {
      error: {
        message: `kramdown: smart_quotes: must be four entity names or code points, not ${JSON.stringify(String(value))}.`,
        hint: `Write single open, single close, double open, double close, such as lsquo,rsquo,ldquo,rdquo (known names: ${Object.keys(QUOTE_ENTITIES).join(", ")}).`,
      },
    };
  }
  return { value: chars as unknown as Typography["quotes"] };
}

function readSymbols(value: unknown): Read<Partial<Record<TypographicSymbol, string>>> {
  if (value === undefined || value === null) return { value: {} };
  const known: readonly string[] = TYPOGRAPHIC_SYMBOLS;
  const wrong = isRecord(value) ? Object.keys(value).find((key) => !known.includes(key)) : "";
  if (!isRecord(value) || wrong !== undefined) {
    return {
      error: {
        message: isRecord(value)
          ? `kramdown: typographic_symbols: has no symbol named ${JSON.stringify(wrong)}.`
          : "kramdown: typographic_symbols: must map symbol names to the text written for them.",
        hint: `Use the names ${TYPOGRAPHIC_SYMBOLS.join(", ")}, such as typographic_symbols: { hellip: "..." }.`,
      },
    };
  }
  return { value: Object.fromEntries(Object.entries(value).map(([key, text]) => [key, String(text)])) };
}

/** kramdown's smart_quotes entry: an entity name or a decimal code point. */
function entityChar(name: string): string | undefined {
  if (/^\d+$/.test(name)) {
    const code = Number(name);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  return QUOTE_ENTITIES[name];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
