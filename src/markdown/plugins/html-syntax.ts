// HTML tag grammar shared by the plugins that rewrite raw HTML; it follows the
// HTML spec's attribute syntax, where a value may be double-, single- or unquoted.

/** One attribute: leading space, name, then optionally `=` and a quoted or bare value. */
export const ATTRIBUTE_SOURCE = String.raw`(\s+)([^\s"'>/=]+)(?:(\s*=\s*)(?:("[^"]*"|'[^']*')|([^\s"'=<>` + "`" + String.raw`]+)))?`;

/** A start tag: name, attribute list, then `>` or `/>`. */
export const START_TAG_SOURCE =
  String.raw`<([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>` + "`" + String.raw`]+))?)*)(\s*\/?>)`;

export interface ParsedAttribute {
  /** The attribute as written, with its leading whitespace. */
  raw: string;
  name: string;
  /** Value without quotes; undefined for a bare attribute like `hidden`. */
  value: string | undefined;
  /** True when the value was written without quotes. */
  bare: boolean;
  space: string;
  equals: string;
}

/** Splits a start tag's attribute list (as matched by START_TAG_SOURCE) into attributes. */
export function parseAttributes(attrs: string): ParsedAttribute[] {
  const result: ParsedAttribute[] = [];
  for (const m of attrs.matchAll(new RegExp(ATTRIBUTE_SOURCE, "g"))) {
    const [raw, space, name, equals = "", quoted, bare] = m;
    result.push({
      raw,
      name,
      value: quoted !== undefined ? quoted.slice(1, -1) : bare,
      bare: bare !== undefined,
      space,
      equals,
    });
  }
  return result;
}
