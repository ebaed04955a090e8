import type { SourcePage } from "../../content/source-page.ts";
import type { ElementGuide } from "../../elements/element-model.ts";
import { languagesOf } from "../../i18n/site-languages.ts";
import { languageName, uiLabels, type UiLabels } from "../../i18n/ui-labels.ts";

/** One language version of the page, for `<link rel="alternate" hreflang>` and the language switch. */
export interface Alternate {
  lang: string;
  url: string;
  /** The language's name in itself: "English", "한국어". */
  name: string;
  /** True for the page being rendered. */
  current: boolean;
}

/** What layouts read about the page's language. */
export interface LanguageVariables {
  /** The page's language, for `<html lang>`: its language folder's, else the site's default. */
  lang: string;
  /** Every language version of the page, the default language's first; empty when the page has only one. */
  alternates: Alternate[];
  /** The words of the layouts in the page's language (src/i18n/ui-labels.ts). */
  i18n: UiLabels;
}

export function languageVariables(page: SourcePage, element: ElementGuide | null, site: Record<string, unknown>): LanguageVariables {
  const defaultLang = languagesOf(site).default;
  const lang = page.lang ?? defaultLang;
  const versions = element?.alternates?.[page.url] ?? [];
  return {
    lang,
    alternates: versions.map((version) => ({
      lang: version.lang,
      url: version.url,
      name: languageName(site, version.lang),
      current: version.url === page.url,
    })),
    i18n: uiLabels(site, lang, defaultLang),
  };
}
