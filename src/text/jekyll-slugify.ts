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

/** Latin letters without their accents; any other letter is `?`, as Ruby's I18n.transliterate leaves it. */
function transliterated(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[^\x00-\x7f]/g, "?");
}
