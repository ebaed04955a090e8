import type { SourcePage } from "../content/source-page.ts";
import type { GitDates } from "../content/git-dates.ts";
import { buildCatalog, type Catalog } from "./catalog.ts";
import type { ElementGuide } from "./element-model.ts";
import { elementLogos } from "./element-logos.ts";
import { readHubList } from "./hubs.ts";
import { recentPages } from "./recent-pages.ts";

/** How many pages the home page lists as recently updated. */
const RECENT_COUNT = 5;

/**
 * The catalog as the site shows it: the element model, with what the home page and the catalog cards read from
 * the pages themselves (each Overview's description, logos), `_data/hubs.yml` (hub lines and icons) and git.
 */
export function siteCatalog(
  pages: readonly SourcePage[],
  elements: ReadonlyMap<string, ElementGuide>,
  siteData: Record<string, unknown>,
  gitDates: GitDates,
): Catalog {
  const overviews = new Map([...elements].map(([folder, element]) => [folder, element.url]));
  const descriptions = new Map<string, string>();
  for (const page of pages) {
    const description = page.data.description;
    if (page.elementFolder && overviews.get(page.elementFolder) === page.url && typeof description === "string" && description.trim()) {
      descriptions.set(page.elementFolder, description.trim());
    }
  }
  return buildCatalog(elements, {
    hubList: readHubList(siteData),
    descriptions,
    logos: elementLogos(pages, overviews),
    recent: recentPages(pages, elements, gitDates, RECENT_COUNT),
  });
}
