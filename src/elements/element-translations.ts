import type { SourcePage } from "../content/source-page.ts";
import { translationKey } from "../i18n/page-language.ts";
import type { ElementGuide, ElementPageLink, PageVersion } from "./element-model.ts";

/**
 * An element's pages in its other languages (`docs/elements/<folder>/<lang>/`), as the element guide each language
 * shows: the same sidebar entries in the same order, each in that language where it has a version, else the
 * default-language page, marked with its language so readers (and screen readers) know. A page that exists only
 * in the translation takes its place by its own `order`.
 *
 * `pages` are the element's default-language pages in sidebar order; `translated` its pages in language folders.
 */
export function elementTranslations(
  element: ElementGuide,
  pages: readonly SourcePage[],
  translated: readonly SourcePage[],
  linkOf: (page: SourcePage) => ElementPageLink,
): Pick<ElementGuide, "translations" | "alternates"> {
  const byLanguage = new Map<string, Map<string, SourcePage>>();
  for (const page of translated) {
    const lang = page.lang as string;
    if (!byLanguage.has(lang)) byLanguage.set(lang, new Map());
    byLanguage.get(lang)!.set(translationKey(page), page);
  }
  const defaultLang = element.lang ?? "en";
  const alternates = pageVersions(defaultLang, pages, translated);
  const translations: Record<string, ElementGuide> = {};
  for (const [lang, versions] of [...byLanguage].sort(([a], [b]) => a.localeCompare(b))) {
    const twinned = new Set<string>();
    const links = pages.map((page) => {
      const key = translationKey(page);
      const version = versions.get(key);
      if (!version) return { ...linkOf(page), lang: defaultLang };
      twinned.add(key);
      // Its place in the sidebar is the original's, so that both languages list the pages in one order.
      return { ...linkOf(version), order: linkOf(page).order };
    });
    const ownPages = [...versions].filter(([key]) => !twinned.has(key)).map(([, page]) => linkOf(page));
    // A stable sort: pages of one order keep the original's sequence.
    const sidebar = [...links, ...ownPages].sort((a, b) => a.order - b.order);
    const overview = versions.get("index.md");
    translations[lang] = {
      ...element,
      lang,
      url: overview ? overview.url : element.url,
      pages: sidebar,
      translations: {},
      alternates,
    };
  }
  return { translations, alternates };
}

/**
 * Each page with versions in two or more languages, by the URL of every version: its versions, default language
 * first, then the others by code. `pages` are an element's default-language pages, `translated` its others.
 */
export function pageVersions(
  defaultLang: string,
  pages: readonly SourcePage[],
  translated: readonly SourcePage[],
): Record<string, PageVersion[]> {
  const versionsByKey = new Map<string, PageVersion[]>();
  const add = (page: SourcePage, lang: string) => {
    const key = translationKey(page);
    const list = versionsByKey.get(key);
    if (list) list.push({ lang, url: page.url });
    else versionsByKey.set(key, [{ lang, url: page.url }]);
  };
  for (const page of pages) add(page, defaultLang);
  for (const page of [...translated].sort((a, b) => (a.lang as string).localeCompare(b.lang as string))) add(page, page.lang as string);
  const alternates: Record<string, PageVersion[]> = {};
  for (const versions of versionsByKey.values()) {
    if (versions.length < 2) continue;
    for (const version of versions) alternates[version.url] = versions;
  }
  return alternates;
}
