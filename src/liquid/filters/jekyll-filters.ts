import { Drop } from "liquidjs";
import { jekyllSlugify } from "../../text/jekyll-slugify.ts";

/** Filters Jekyll adds to Liquid that Jekyll-era pages use; liquidjs provides the standard ones. */
export function jekyllFilters(markdownify: (text: string) => string, smartify: (text: string) => string = (text) => text) {
  return {
    smartify: (value: unknown): string => smartify(textOf(value)),
    jsonify: (value: unknown): string => JSON.stringify(value ?? null),
    // Jekyll's, not GitHub's heading ids: `C++ / C# -- Guide` is `c-c-guide`; `slugify: "pretty"` and the other modes.
    slugify: (value: unknown, mode?: unknown): string => jekyllSlugify(textOf(value), typeof mode === "string" ? mode : undefined),
    markdownify: (value: unknown): string => markdownify(textOf(value)),
    divided_by: dividedBy,
    xml_escape: (value: unknown): string =>
      String(value ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`),
    cgi_escape: (value: unknown): string => encodeURIComponent(String(value ?? "")).replace(/%20/g, "+"),
    uri_escape: (value: unknown): string => encodeURI(String(value ?? "")),
    normalize_whitespace: (value: unknown): string => String(value ?? "").replace(/\s+/g, " ").trim(),
    number_of_words: (value: unknown): number => String(value ?? "").split(/\s+/).filter(Boolean).length,
    array_to_sentence_string: (value: unknown, connector = "and"): string => {
      const items = Array.isArray(value) ? value.map(String) : [];
      if (items.length <= 2) return items.join(` ${connector} `);
      return `${items.slice(0, -1).join(", ")}, ${connector} ${items[items.length - 1]}`;
    },
  };
}

/** Where a filter is written: its template's text and the filter's end in it (liquidjs's FilterToken). */
interface FilterToken {
  input: string;
  end: number;
}

/** A decimal written in a template (`2.0`, `-0.5`), which Ruby's Liquid keeps a Float. */
const DECIMAL_LITERAL = /(?:^|[\s|:(,])-?\d+\.\d+/;

/**
 * Ruby's Liquid divides a whole number by a whole number as whole numbers, rounding down: a theme's reading time,
 * `{{ words | divided_by: 200 }}`, is 6 minutes, not 6.17. A decimal on either side divides exactly: `divided_by:
 * 2.0`, a decimal as text (`"7.5"`), and, as JavaScript numbers do not say whether they were written `2` or `2.0`,
 * a decimal written earlier in the same expression (`{{ n | times: 1.0 | divided_by: total }}`).
 */
function dividedBy(this: { token?: FilterToken } | undefined, dividend: unknown, divisor: unknown): number {
  // Ruby's to_number: the number text starts with ("12px" is 12), else 0; never NaN.
  const a = Number.parseFloat(textOf(dividend)) || 0;
  const b = Number.parseFloat(textOf(divisor)) || 0;
  if (!isWhole(dividend) || !isWhole(divisor) || decimalWritten(this?.token)) return a / b;
  if (b === 0) throw new Error("divided by 0");
  return Math.floor(a / b);
}

/** Whether the template writes a decimal in this filter's argument or before it, in the same `{{ }}` or `{% %}`. */
function decimalWritten(token: FilterToken | undefined): boolean {
  if (!token) return false;
  const { input, end } = token;
  // Quoted text is no number written: `{{ "Version 2.5" | size | divided_by: 2 }}` divides whole numbers.
  return DECIMAL_LITERAL.test(input.slice(expressionStart(input, end), end).replace(/"[^"]*"|'[^']*'/g, '""'));
}

/**
 * Where the `{{ }}` or `{% %}` holding `end` starts, searched back from it one character at a time: a page divides
 * many times, and a lastIndexOf of a delimiter the page lacks would read the whole page back each time.
 */
function expressionStart(input: string, end: number): number {
  for (let i = end - 2; i >= 0; i--) {
    if (input.charCodeAt(i) !== 0x7b /* { */) continue;
    const next = input.charCodeAt(i + 1);
    if (next === 0x7b || next === 0x25 /* % */) return i + 2;
  }
  return 0;
}

/** A whole number as Ruby's Liquid reads it: an integer, or text that is no decimal. */
function isWhole(value: unknown): boolean {
  const plain = value instanceof Drop ? value.valueOf() : value;
  // Ruby's to_number reads text as an Integer (to_i: "12px" is 12) unless it is a decimal such as "7.5".
  return typeof plain === "number" ? Number.isInteger(plain) : typeof plain === "string" && !/^\s*-?\d+\.\d+\s*$/.test(plain);
}

/** A filter's input as text: nil (Liquid's `nil` and `empty` too) is empty text, not "[object Object]". */
function textOf(value: unknown): string {
  const plain = value instanceof Drop ? value.valueOf() : value;
  return String(plain ?? "");
}
