import type { SourcePage } from "../content/source-page.ts";
import { catalogHubLink, groupsByHub } from "./catalog.ts";
import { elementTranslations, pageVersions } from "./element-translations.ts";
import { resolveHubs, type ListedHub } from "./hubs.ts";
import { redirectTarget } from "../content/redirect-target.ts";

/** One entry of an element's sidebar. */
export interface ElementPageLink {
  title: string;
  url: string;
  order: number;
  /** The page's language, when it is not the list's: a default-language page standing in for a missing translation. */
  lang?: string;
  /** Shown under the entry before it: an API reference's tag pages under its overview. */
  nested?: boolean;
}

/** One language's version of a page. */
export interface PageVersion {
  lang: string;
  url: string;
}

/** An element guide: the pages of one `docs/elements/<folder>/`, in sidebar order. */
export interface ElementGuide {
  folder: string;
  name: string;
  // Absent facts are null, not undefined: strict Liquid treats undefined as a writer's mistake.
  key: string | null;
  id: number | null;
  /** The hub's id, a slug (`crm`, `help-desk`), from the pages' `hub` or `hdOrcrm` however they spell it. */
  hub: string | null;
  hubName: string | null;
  /** The breadcrumb trail's link to the element's hub in the catalog (src/elements/catalog.ts); null when none. */
  hubLink: HubLink | null;
  /** How an instance authenticates (`basic`, `oauth2`, `apikey`), from the pages' `authType`. */
  authType: string | null;
  /** The Overview page (index.md), or the first page when there is no index. */
  url: string;
  pages: ElementPageLink[];
  /** The language of `url` and `pages`: the site's default, or the translation's. */
  lang?: string;
  /** The element as a guide in each other language with pages in `<folder>/<lang>/` (src/elements/element-translations.ts). */
  translations?: Record<string, ElementGuide>;
  /** Each page that has versions in two or more languages, by the URL of every version: its versions, default first. */
  alternates?: Record<string, PageVersion[]>;
}

export interface HubLink {
  name: string;
  url: string;
}

/**
 * Groups pages by element folder once per build. Pages look their element up in the returned Map
 * instead of scanning every page (Starlight lost 40 s of a 7,300-page build doing that per page).
 * `hubList` is `_data/hubs.yml` (undefined without one): hubs are matched against it, else gathered as written.
 */
export function buildElements(
  pages: readonly SourcePage[],
  hubList: readonly ListedHub[] | undefined,
  defaultLang = "en",
): Map<string, ElementGuide> {
  // A redirect_to page only sends readers on: no sidebar entry, pager link or elements.json entry of its own.
  const shown = pages.filter((page) => redirectTarget(page) === undefined);
  const byFolder = pagesByElementFolder(shown);
  const elements = new Map<string, ElementGuide>();
  const spellings = new Map<string, string | undefined>();
  for (const folder of [...byFolder.keys()].sort()) {
    const folderPages = byFolder.get(folder)!.sort(bySidebarOrder);
    const overview = folderPages.find((p) => p.file.endsWith("/index.md")) ?? folderPages[0];
    const first = <T>(pick: (p: SourcePage) => T | undefined): T | undefined =>
      pick(overview) ?? folderPages.map(pick).find((v) => v !== undefined);
    spellings.set(folder, first((p) => stringValue(p.data.hub) ?? stringValue(p.data.hdOrcrm)));
    elements.set(folder, {
      folder,
      name: first((p) => stringValue(p.data.heading)) ?? folder,
      key: first((p) => stringValue(p.data.elementKey)) ?? null,
      id: first((p) => (typeof p.data.elementId === "number" ? p.data.elementId : undefined)) ?? null,
      hub: null,
      hubName: null,
      hubLink: null,
      authType: first((p) => stringValue(p.data.authType)) ?? null,
      url: overview.url,
      pages: folderPages.map(pageLink),
      lang: defaultLang,
    });
  }
  const hubs = resolveHubs([...spellings.values()].filter((s) => s !== undefined), hubList);
  for (const [folder, spelling] of spellings) {
    const hub = spelling === undefined ? undefined : hubs.get(spelling);
    if (!hub) continue;
    const element = elements.get(folder)!;
    element.hub = hub.id;
    element.hubName = hub.name;
  }
  const byHub = groupsByHub(elements.values());
  for (const element of elements.values()) element.hubLink = catalogHubLink(element, byHub);
  // Last, so that each language's copy of the element has its hub too.
  const translated = pagesByElementFolder(shown, "translations");
  for (const [folder, element] of elements) {
    Object.assign(element, elementTranslations(element, byFolder.get(folder)!, translated.get(folder) ?? [], pageLink));
  }
  return elements;
}

/** Every page with versions in two or more languages, by the URL of each version (src/elements/element-translations.ts). */
export function siteAlternates(pages: Iterable<SourcePage>, defaultLang: string): Map<string, PageVersion[]> {
  const pageList = [...pages];
  const translated = pagesByElementFolder(pageList, "translations");
  const alternates = new Map<string, PageVersion[]>();
  for (const [folder, folderPages] of pagesByElementFolder(pageList)) {
    for (const [url, versions] of Object.entries(pageVersions(defaultLang, folderPages, translated.get(folder) ?? []))) alternates.set(url, versions);
  }
  return alternates;
}

/** The element guide a page shows: its element in the page's language (the default language's for other pages). */
export function guideOfPage(page: SourcePage, elements: ReadonlyMap<string, ElementGuide>): ElementGuide | null {
  const element = page.elementFolder ? elements.get(page.elementFolder) : undefined;
  if (!element) return null;
  return (page.lang !== undefined ? element.translations?.[page.lang] : undefined) ?? element;
}

/**
 * The pages of each `docs/elements/<folder>/`, by folder, in the order given: those in the site's default language,
 * or, with "translations", those in its language folders (`<folder>/ko/`).
 */
export function pagesByElementFolder(pages: Iterable<SourcePage>, which: "default" | "translations" = "default"): Map<string, SourcePage[]> {
  const byFolder = new Map<string, SourcePage[]>();
  for (const page of pages) {
    if (!page.elementFolder || (page.lang !== undefined) !== (which === "translations")) continue;
    const list = byFolder.get(page.elementFolder);
    if (list) list.push(page);
    else byFolder.set(page.elementFolder, [page]);
  }
  return byFolder;
}

function pageLink(page: SourcePage): ElementPageLink {
  return {
    title: stringValue(page.data.title) ?? stringValue(page.data.heading) ?? page.file,
    url: page.url,
    order: orderOf(page),
    ...(page.sidebarPlace?.nested ? { nested: true } : {}),
  };
}

function orderOf(page: SourcePage): number {
  return typeof page.data.order === "number" ? page.data.order : Number.MAX_SAFE_INTEGER;
}

/** The guide's pages by `order` (then file), then the pages the build made for the element, by their rank. */
function bySidebarOrder(a: SourcePage, b: SourcePage): number {
  const rank = (page: SourcePage) => page.sidebarPlace?.rank ?? -1;
  return rank(a) - rank(b) || orderOf(a) - orderOf(b) || a.file.localeCompare(b.file);
}

function stringValue(value: unknown): string | undefined {
  if (typeof value === "string" && value.trim() !== "") return value;
  if (typeof value === "number") return String(value);
  return undefined;
}
