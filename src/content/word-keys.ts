/** Front matter keys that are words to show: a page's names, its description, its back link's text. */
export const WORDS: readonly string[] = ["title", "seo", "description", "heading", "parent"];

/** A number Psych (Jekyll's YAML) reads as a Float: it has a decimal point (`2.0`, `.5`, `1.5e+3`). */
const PSYCH_FLOAT = /^[-+]?(?:\d[\d_,]*)?\.\d*(?:[eE][-+]\d+)?$/;
/** A number Psych reads as an Integer: decimal, octal, hexadecimal or binary. */
const PSYCH_INTEGER = /^[-+]?(?:0|[1-9][\d_,]*|0[0-7_,]+|0x[\da-fA-F_,]+|0b[01_,]+)$/;

/**
 * Front matter with its words as text, as Jekyll prints what YAML made of them: `title: 2.4` (release notes) as
 * 2.4, `title: 2.0` as 2.0 (Ruby's Float), `title: yes` as true, `title: 1e3` as 1e3 (text to Psych). An empty
 * `title:` stays nil, as in Jekyll: `{{ page.title }}` prints nothing and is no undefined variable, and the front
 * matter check reads it as not there. Left as numbers, they failed the build as not text, and code that shows them
 * as text.
 */
export function withWordsAsText(data: Record<string, unknown>, header: string): Record<string, unknown> {
  // Front matter that is no mapping (a line of text) is reported by its check, as it is.
  if (typeof data !== "object" || data === null || !WORDS.some((key) => typeof data[key] === "number" || typeof data[key] === "boolean")) return data;
  const words = { ...data };
  for (const key of WORDS) {
    const value = words[key];
    if (typeof value === "number" || typeof value === "boolean") words[key] = printedAsJekyll(value, header, key);
  }
  return words;
}

/** A top-level YAML value that js-yaml read as a number or boolean, as Jekyll prints it; `yaml` is the text it was read from. */
export function printedAsJekyll(value: number | boolean, yaml: string, key: string): string {
  if (typeof value === "boolean" || !Number.isFinite(value)) return String(value);
  const written = writtenScalar(yaml, key);
  if (written === undefined || PSYCH_INTEGER.test(written)) return String(value);
  // Ruby prints a whole Float with its `.0`.
  if (PSYCH_FLOAT.test(written)) return Number.isInteger(value) ? `${value}.0` : String(value);
  // Text to Psych (1e3), or a number it writes otherwise (12:30, which it reads in base 60): printed as written.
  return written;
}

/** The plain value written on the top-level `key: value` line, without a comment; undefined for anything else. */
function writtenScalar(yaml: string, key: string): string | undefined {
  return new RegExp(`^${key}[ \\t]*:[ \\t]*([^\\s#'"][^#\\n]*?)[ \\t]*(?:[ \\t]#.*)?$`, "m").exec(yaml)?.[1];
}
