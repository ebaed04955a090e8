import { slug } from "github-slugger";
import { Drop } from "liquidjs";

/** Filters Jekyll adds to Liquid that Jekyll-era pages use; liquidjs provides the standard ones. */
export function jekyllFilters(markdownify: (text: string) => string, smartify: (text: string) => string = (text) => text) {
  return {
    smartify: (value: unknown): string => smartify(textOf(value)),
    jsonify: (value: unknown): string => JSON.stringify(value ?? null),
    slugify: (value: unknown): string => slug(String(value ?? "")),
    markdownify: (value: unknown): string => markdownify(textOf(value)),
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

/** A filter's input as text: nil (Liquid's `nil` and `empty` too) is empty text, not "[object Object]". */
function textOf(value: unknown): string {
  const plain = value instanceof Drop ? value.valueOf() : value;
  return String(plain ?? "");
}
