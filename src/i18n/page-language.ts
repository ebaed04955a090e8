import type { SiteLanguages } from "./site-languages.ts";

/** A page directly in an element folder, or in a folder one level below it (`ko/`, or any other folder). */
const ELEMENT_FILE = /^docs\/elements\/([^/]+)\/(?:([^/]+)\/)?([^/]+)$/;

/**
 * Where a page stands among the elements and languages: `docs/elements/zendesk/events.md` is a page of the element
 * `zendesk` in the default language; `docs/elements/zendesk/ko/events.md` is its Korean version when `ko` is one of
 * the site's languages. A folder that is not a listed language (or is the default one) stays an ordinary folder,
 * as before languages existed: its pages belong to no element.
 */
export function pageLanguage(file: string, languages: SiteLanguages): { elementFolder?: string; lang?: string } {
  const match = ELEMENT_FILE.exec(file);
  if (!match) return {};
  const [, elementFolder, folder] = match;
  if (folder === undefined) return { elementFolder };
  // Language tags are the same in any case: a `KO/` folder holds the pages of `ko`.
  const lang = languages.others.find((code) => code.toLowerCase() === folder.toLowerCase());
  return lang === undefined ? {} : { elementFolder, lang };
}

/**
 * The name a page has in every language: `events.md` for both `docs/elements/zendesk/events.md` and
 * `docs/elements/zendesk/ko/events.md`, so that the two are found to be versions of one page.
 */
export function translationKey(page: { file: string; elementFolder?: string; lang?: string }): string {
  const rest = page.file.slice(`docs/elements/${page.elementFolder}/`.length);
  return page.lang !== undefined && rest.toLowerCase().startsWith(`${page.lang.toLowerCase()}/`) ? rest.slice(page.lang.length + 1) : rest;
}
