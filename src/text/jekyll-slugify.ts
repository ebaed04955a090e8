/** What each of Jekyll's slugify modes turns into a hyphen (Jekyll::Utils' SLUGIFY_*_REGEXP). */
const REPLACED: Record<string, RegExp> = {
  raw: /\s+/gu,
  default: /[^\p{M}\p{L}\p{Nd}]+/gu,
  pretty: /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu,
  ascii: /[^A-Za-z0-9]+/g,
  latin: /[^\p{M}\p{L}\p{Nd}]+/gu,
};

/**
 * Jekyll's Utils.slugify, as its `slugify` filter and its permalinks use it: each run of what the mode does not keep
 * becomes one hyphen, a hyphen at either end goes, and the result is lowercase unless `cased`. `latin` first drops
 * accents (é -> e) and turns other letters to `?`, as I18n.transliterate does; an unknown mode (`none`) only
 * lowercases. `C++ / C# -- Guide` -> `c-c-guide`.
 */
export function jekyllSlugify(text: string, mode = "default", cased = false): string {
  const pattern = REPLACED[mode];
  if (pattern === undefined) return cased ? text : text.toLowerCase();
  const source = mode === "latin" ? transliterated(text) : text;
  const slug = source.replace(pattern, "-").replace(/^-|-$/g, "");
  return cased ? slug : slug.toLowerCase();
}

/** The Latin letters I18n.transliterate spells out rather than strips of an accent (Latin-1 and Latin Extended-A). */
const SPELLED: Record<string, string> = {
  Æ: "AE", æ: "ae", Ð: "D", ð: "d", Ø: "O", ø: "o", Þ: "Th", þ: "th", ß: "ss", "×": "x",
  Đ: "D", đ: "d", Ħ: "H", ħ: "h", ı: "i", Ĳ: "IJ", ĳ: "ij", ĸ: "k", Ŀ: "L", ŀ: "l", Ł: "L", ł: "l",
  ŉ: "'n", Ŋ: "NG", ŋ: "ng", Œ: "OE", œ: "oe", Ŧ: "T", ŧ: "t", ſ: "s",
};
const SPELLED_LETTER = new RegExp(`[${Object.keys(SPELLED).join("")}]`, "g");

/**
 * Latin letters without their accents (é -> e), or spelled out (ß -> ss, Œ -> OE); any other letter is `?`, as
 * Ruby's I18n.transliterate leaves it.
 */
function transliterated(text: string): string {
  return text
    .replace(SPELLED_LETTER, (letter) => SPELLED[letter])
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[^\x00-\x7f]/g, "?");
}
