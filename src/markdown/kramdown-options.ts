// kramdown's options of `_config.yml` (`kramdown:`) that change how pages render, besides typography
// (src/markdown/kramdown-settings.ts): read with Jekyll's defaults, and the ones not applied here named.

export interface KramdownOptions {
  /** `hard_wrap`: a line break inside a paragraph is a `<br>`. Jekyll's default: false. */
  hardWrap: boolean;
  /** `auto_ids`: headings get ids made from their text. Default: true; false leaves only the ids pages give. */
  autoIds: boolean;
  /** `auto_id_prefix`: put before every id made from a heading's text (not before one the page gives). */
  autoIdPrefix: string;
  /** `toc_levels`: the heading levels a `{:toc}` lists. Default: 1 to 6. */
  tocLevels: ReadonlySet<number>;
  /** `parse_block_html`: the content of an HTML block element is Markdown, as with `markdown="1"`. */
  parseBlockHtml: boolean;
  /** `input`: kramdown's own input makes its own heading ids; GFM (Jekyll's default) makes GitHub's. */
  idStyle: "github" | "kramdown";
}

export const KRAMDOWN_DEFAULTS: KramdownOptions = { hardWrap: false, autoIds: true, autoIdPrefix: "", tocLevels: new Set([1, 2, 3, 4, 5, 6]), parseBlockHtml: false, idStyle: "github" };

/**
 * Options read as kramdown does, or that make no difference to the pages here: the converter's input and syntax
 * highlighter (pages are highlighted anyway), ids and entities written as Jekyll's defaults write them.
 */
const APPLIED_OR_HARMLESS = new Set([
  "hard_wrap",
  "auto_id_prefix",
  "toc_levels",
  "parse_block_html",
  "smart_quotes",
  "typographic_symbols",
  "input",
  "auto_ids",
  "syntax_highlighter",
  "syntax_highlighter_opts",
  "coderay",
  "guess_lang",
  "entity_output",
  "show_warnings",
  "parse_span_html",
  "html_to_native",
  "gfm_quirks",
]);

/** The options of `kramdown:` (a mapping, else its defaults), with Jekyll's defaults for those not given. */
export function kramdownOptions(kramdown: Record<string, unknown>): KramdownOptions {
  return {
    hardWrap: kramdown.hard_wrap === true,
    autoIds: kramdown.auto_ids !== false,
    autoIdPrefix: typeof kramdown.auto_id_prefix === "string" ? kramdown.auto_id_prefix : "",
    tocLevels: tocLevels(kramdown.toc_levels) ?? KRAMDOWN_DEFAULTS.tocLevels,
    parseBlockHtml: kramdown.parse_block_html === true,
    idStyle: String(kramdown.input ?? "").toLowerCase() === "kramdown" ? "kramdown" : "github",
  };
}

/** kramdown's own defaults of options not applied here: set to them, they change nothing. */
const UNAPPLIED_DEFAULTS: Record<string, unknown> = {
  header_offset: 0,
  footnote_nr: 1,
  footnote_prefix: "",
  auto_id_stripping: false,
  transliterated_header_ids: false,
  remove_block_html_tags: true,
  remove_span_html_tags: false,
};

/** The options of `kramdown:` that change kramdown's output and are not applied here, for a warning each. */
export function ignoredKramdownOptions(kramdown: Record<string, unknown>): string[] {
  return Object.keys(kramdown).filter((key) => !APPLIED_OR_HARMLESS.has(key) && !(Object.hasOwn(UNAPPLIED_DEFAULTS, key) && kramdown[key] === UNAPPLIED_DEFAULTS[key]));
}

/** `toc_levels` as kramdown reads it: `2..3`, `2,3`, `[2, 3]` or one level; undefined for anything else. */
function tocLevels(value: unknown): ReadonlySet<number> | undefined {
  let levels: number[] = [];
  if (typeof value === "number") levels = [value];
  else if (Array.isArray(value)) levels = value.map(Number);
  else if (typeof value === "string") {
    const range = /^\s*(\d)\s*\.\.\s*(\d)\s*$/.exec(value);
    levels = range ? Array.from({ length: Math.max(0, Number(range[2]) - Number(range[1]) + 1) }, (_, i) => Number(range[1]) + i) : value.split(",").map(Number);
  }
  const valid = levels.filter((level) => Number.isInteger(level) && level >= 1 && level <= 6);
  return valid.length && valid.length === levels.length ? new Set(valid) : undefined;
}
