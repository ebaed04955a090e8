import type { SourcePage } from "../content/source-page.ts";
import { CATALOG_URL } from "../elements/catalog.ts";
import type { ElementGuide } from "../elements/element-model.ts";
import type { LlmsPlan, PlannedLink } from "./llms-plan.ts";
import { redirectTarget } from "../content/redirect-target.ts";

const NO_HUB = "Other elements";
const OTHER_PAGES = "Other pages";

/** How a page is listed: its title, where to read it and one line about it, as far as the tree tells. */
export type Describe = (page: SourcePage) => Omit<PlannedLink, "children" | "file" | "lang">;

/**
 * The sections of llms.txt, in reading order: one per hub (by name, elements without a hub last), each element
 * as its overview page with its other pages in sidebar order under it, then its pages in each other language,
 * marked with it; then every other page, the home page and
 * the catalog first. Every HTML page is listed (`sitemap: false` keeps a page from search engines, not readers).
 * The same order is llms-full.txt's.
 */
export function llmsSections(elements: Iterable<ElementGuide>, pages: Iterable<SourcePage>, describe: Describe): LlmsPlan["sections"] {
  const byUrl = new Map<string, SourcePage>();
  for (const page of pages) if (listed(page)) byUrl.set(page.url, page);
  const taken = new Set<string>();
  const take = (url: string): PlannedLink | undefined => {
    const page = byUrl.get(url);
    if (!page || taken.has(url)) return undefined;
    taken.add(url);
    return { ...describe(page), file: page.file, ...(page.lang !== undefined && { lang: page.lang }), children: [] };
  };

  const hubs = new Map<string, PlannedLink[]>();
  for (const element of [...elements].sort((a, b) => a.name.localeCompare(b.name))) {
    const overview = take(element.url);
    // Then each language's own pages, in its sidebar's order (the default-language pages it shows are taken).
    const translations = Object.values(element.translations ?? {}).map((guide) => [guide.url, ...guide.pages.map((p) => p.url)]);
    const children = [...element.pages.map((p) => p.url), ...translations.flat()].flatMap((url) => take(url) ?? []);
    const entry = overview ? { ...overview, title: element.name, children } : undefined;
    const hub = element.hubName ?? NO_HUB;
    if (!hubs.has(hub)) hubs.set(hub, []);
    // An element whose overview is not listed still has its pages listed, at the hub's level.
    hubs.get(hub)!.push(...(entry ? [entry] : children));
  }
  const hubNames = [...hubs.keys()].sort((a, b) => Number(a === NO_HUB) - Number(b === NO_HUB) || a.localeCompare(b));
  const sections: LlmsPlan["sections"] = hubNames.map((name) => ({ name, links: hubs.get(name)! }));

  const rest = [...byUrl.keys()].filter((url) => !taken.has(url)).sort((a, b) => rank(a) - rank(b));
  sections.push({ name: OTHER_PAGES, links: rest.flatMap((url) => take(url) ?? []) });
  return sections;
}

function listed(page: SourcePage): boolean {
  // A redirect_to page has no text of its own, nor a twin.
  return page.outputPath.endsWith(".html") && redirectTarget(page) === undefined;
}

/** The home page, then the catalog, then the rest in source order (sort is stable). */
function rank(url: string): number {
  if (url === "/index.html" || url === "/") return 0;
  if (url === CATALOG_URL) return 1;
  return 2;
}
