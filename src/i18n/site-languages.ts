/**
 * The languages of a site, named in `_config.yml` as jekyll-polyglot names them:
 *
 *   languages: [en, ko]
 *   default_lang: en
 *
 * Pages in the default language are the tree's pages as they are; a page in another language lives in a folder
 * named after it inside its element's folder (`docs/elements/zendesk/ko/events.md`, src/i18n/page-language.ts).
 */
export interface SiteLanguages {
  /** The language of every page outside a language folder: `default_lang`, else `en`. */
  default: string;
  /** The other languages listed, in the order written; a folder named after one of them holds translations. */
  others: readonly string[];
}

export const DEFAULT_LANGUAGES: SiteLanguages = { default: "en", others: [] };

/** A problem with `languages:` or `default_lang:`, for the caller to report at the key's line. */
export interface LanguageSettingProblem {
  key: "languages" | "default_lang";
  message: string;
  hint: string;
}

/** A BCP 47 tag as used in `lang` and `hreflang`: `ko`, `pt-BR`, `zh-Hant`. */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

/** The site's languages from its `_config.yml`; a value of the wrong form is left out and reported. */
export function siteLanguages(config: Record<string, unknown>): { languages: SiteLanguages; problems: LanguageSettingProblem[] } {
  const problems: LanguageSettingProblem[] = [];
  const listed: string[] = [];
  const rawList = config.languages;
  if (rawList !== undefined && rawList !== null) {
    if (!Array.isArray(rawList)) {
      problems.push({
        key: "languages",
        message: `languages: must be a list of language codes, such as [en, ko], not ${JSON.stringify(rawList)}`,
        hint: "List the default language and each language that has a folder of translations.",
      });
    } else {
      for (const entry of rawList) {
        if (typeof entry === "string" && LANGUAGE_TAG.test(entry.trim())) listed.push(canonicalTag(entry.trim()));
        else problems.push(badCode("languages", entry));
      }
    }
  }
  let defaultLang = "en";
  const rawDefault = config.default_lang;
  const defaultWritten = rawDefault !== undefined && rawDefault !== null;
  if (defaultWritten) {
    if (typeof rawDefault === "string" && LANGUAGE_TAG.test(rawDefault.trim())) defaultLang = canonicalTag(rawDefault.trim());
    else problems.push(badCode("default_lang", rawDefault));
  }
  if (listed.length > 0 && !listed.includes(defaultLang)) {
    const fix = `Add ${defaultLang} to languages:, or set default_lang: to the language of the pages outside language folders.`;
    problems.push(
      defaultWritten
        ? { key: "default_lang", message: `default_lang: ${defaultLang} is not one of languages: [${listed.join(", ")}]`, hint: fix }
        : {
            key: "languages",
            message: `languages: [${listed.join(", ")}] leaves out ${defaultLang}, the language of the pages outside language folders (default_lang: is not set)`,
            hint: fix,
          },
    );
  }
  const others = [...new Set(listed.filter((code) => code !== defaultLang))];
  return { languages: { default: defaultLang, others }, problems };
}

const bySite = new WeakMap<object, SiteLanguages>();

/** `siteLanguages(site).languages`, worked out once per site object (its problems are reported when the tree loads). */
export function languagesOf(site: Record<string, unknown>): SiteLanguages {
  let languages = bySite.get(site);
  if (!languages) bySite.set(site, (languages = siteLanguages(site).languages));
  return languages;
}

/**
 * A tag as BCP 47 writes it (its case carries no meaning, `KO` is `ko`): language in lower case, a script in title
 * case, a region in upper case: `ko`, `pt-BR`, `zh-Hant`.
 */
export function canonicalTag(tag: string): string {
  return tag
    .split("-")
    .map((part, index) => {
      if (index === 0) return part.toLowerCase();
      if (part.length === 4 && /^[a-z]+$/i.test(part)) return part[0].toUpperCase() + part.slice(1).toLowerCase();
      return part.length === 2 || /^\d{3}$/.test(part) ? part.toUpperCase() : part.toLowerCase();
    })
    .join("-");
}

function badCode(key: LanguageSettingProblem["key"], value: unknown): LanguageSettingProblem {
  return {
    key,
    message: `${key}: ${JSON.stringify(value)} is not a language code such as en, ko or pt-BR`,
    hint: "Write the code pages use in <html lang>: a two- or three-letter language, and a region or script after a hyphen if needed.",
  };
}
