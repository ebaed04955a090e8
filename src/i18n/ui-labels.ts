/**
 * The words our layouts and scripts show, in English. A site gives them in another language in
 * `_data/i18n/<lang>.yml`, key by key (the same keys, in the same groups); a key it leaves out stays in English,
 * so a half-translated file is never an error. Layouts read them as `i18n.<key>`.
 */
export const ENGLISH_LABELS = {
  /** The language's name in itself, for the language switch. */
  language_name: "English",
  /** The accessible name of the language switch. */
  language: "Language",
  skip_to_content: "Skip to content",
  site_navigation: "Site",
  catalog: "Catalog",
  search: "Search",
  theme_to_dark: "Switch to dark theme",
  theme_to_light: "Switch to light theme",
  footer_text: "guides for connecting API providers to your application.",
  all_element_guides: "All element guides",
  /** The first step of the breadcrumb trail. */
  element_guides: "Element Guides",
  breadcrumbs: "Breadcrumbs",
  /** The element menu's button and the sidebar's name; {element} is the element's name. */
  element_pages: "{element} pages",
  /** The hub of an element that names none. */
  other_hub: "Other",
  on_this_page: "On this page",
  previous_and_next: "Previous and next pages",
  previous: "Previous",
  next: "Next",
  last_updated: "Last updated",
  edit_this_page: "Edit this page",
  /** "Last updated" dates: {year}, {month} (its name below), {month_number} and {day}. */
  date_format: "{month} {day}, {year}",
  months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  copy: "Copy",
  copied: "Copied",
  copy_failed: "Copy failed",
  /** The button that copies a guide page's Markdown twin, and the link that opens it (_includes/page-actions.html). */
  copy_as_markdown: "Copy as Markdown",
  view_as_markdown: "View as Markdown",
  /**
   * The search dialog's words (assets/js/search.js, which holds them in English), as the JSON of the language
   * files' `search_dialog:` maps; "" when they give none, and the dialog stays English.
   */
  search_dialog: "",
};

export type UiLabels = typeof ENGLISH_LABELS;

/** The words of the search dialog a language file may give under `search_dialog:`; assets/js/search.js has them in English. */
export const SEARCH_DIALOG_KEYS: readonly string[] = [
  "title", "close", "hub", "all_hubs", "element", "all_elements", "results", "none", "one", "many", "more", "keys", "unavailable",
];

/** `site` as far as labels go: `site.data.i18n.<lang>` is `_data/i18n/<lang>.yml`. */
interface LabelSite {
  data?: unknown;
}

const cache = new WeakMap<object, Map<string, UiLabels>>();

/**
 * The labels of a page in `lang`: English, overridden by the site's default language's file (a site written in
 * German translates our English there), then by the page language's own file. Computed once per language.
 */
export function uiLabels(site: LabelSite, lang: string, defaultLang: string): UiLabels {
  let byLanguage = cache.get(site);
  if (!byLanguage) cache.set(site, (byLanguage = new Map()));
  let labels = byLanguage.get(lang);
  if (!labels) {
    const files = languageFiles(site, lang, defaultLang);
    labels = { ...translatedLabels(ENGLISH_LABELS, files), language_name: languageName(site, lang), search_dialog: searchDialogLabels(files) };
    byLanguage.set(lang, labels);
  }
  return labels;
}

/**
 * A language's name in itself ("한국어"), for the language switch: its file's `language_name`, never inherited
 * from another language's; without one, the name the runtime's Unicode data gives, else the code.
 */
export function languageName(site: LabelSite, lang: string): string {
  const file = i18nData(site)[lang];
  const own = isRecord(file) ? file.language_name : undefined;
  if (typeof own === "string" && own.trim() !== "") return own.trim();
  try {
    return new Intl.DisplayNames([lang], { type: "language" }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

/**
 * `english` with each value that the language files give in the same form (a string for a string, a list of as
 * many strings for a list, a group for a group, looked at key by key), later files winning. Other parts of the
 * site with labels of their own (the API reference) pass their English table and their group of the files.
 */
export function translatedLabels<T extends object>(english: T, files: readonly unknown[]): T {
  const result = { ...english } as Record<string, unknown>;
  for (const [key, value] of Object.entries(english)) {
    for (const file of files) {
      const given = isRecord(file) ? file[key] : undefined;
      if (given === undefined || given === null) continue;
      if (typeof value === "string" && (typeof given === "string" || typeof given === "number")) result[key] = String(given);
      else if (Array.isArray(value) && Array.isArray(given) && given.length === value.length && given.every((g) => typeof g === "string")) {
        result[key] = given;
      } else if (isRecord(value) && !Array.isArray(value) && isRecord(given)) {
        result[key] = translatedLabels(result[key] as object, [given]);
      }
    }
  }
  return result as T;
}

/** The `_data/i18n/` files that apply to a page in `lang`, weakest first: the default language's, then its own. */
export function languageFiles(site: LabelSite, lang: string, defaultLang: string): unknown[] {
  const i18n = i18nData(site);
  return lang === defaultLang ? [i18n[defaultLang]] : [i18n[defaultLang], i18n[lang]];
}

/** The `search_dialog:` maps of the files, merged, as JSON for the dialog's script; "" when there are none. */
function searchDialogLabels(files: readonly unknown[]): string {
  const words: Record<string, string> = {};
  for (const file of files) {
    const group = isRecord(file) ? file.search_dialog : undefined;
    if (!isRecord(group)) continue;
    for (const [key, value] of Object.entries(group)) if (typeof value === "string") words[key] = value;
  }
  return Object.keys(words).length ? JSON.stringify(words) : "";
}

/** The date as the labels write it: "March 7, 2024", or "2024년 3월 7일" in Korean. */
export function formatDate(isoDate: string, labels: Pick<UiLabels, "date_format" | "months"> = ENGLISH_LABELS): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  const parts: Record<string, string> = { year: String(year), month: labels.months[month - 1], month_number: String(month), day: String(day) };
  return labels.date_format.replace(/\{(year|month_number|month|day)\}/g, (_, part: string) => parts[part]);
}

/** `site.data.i18n`: the files of `_data/i18n/`, by language. */
function i18nData(site: LabelSite): Record<string, unknown> {
  const i18n = isRecord(site.data) ? site.data.i18n : undefined;
  return isRecord(i18n) ? i18n : {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
