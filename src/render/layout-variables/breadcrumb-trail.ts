import { CATALOG_URL } from "../../elements/catalog.ts";
import type { ElementGuide } from "../../elements/element-model.ts";

/** One step of the trail; the current page has no URL. */
export interface Crumb {
  title: string;
  url: string | null;
}

/**
 * Element Guides › hub › element › page, for pages of an element guide; other pages get no trail. The hub step is
 * where the catalog shows the element's hub (src/elements/catalog.ts); an A–Z catalog has no place for an element
 * without one, so that step is left out. `catalogTitle` is the first step's name in the page's language.
 */
export function breadcrumbTrail(element: ElementGuide | null, pageTitle: string, catalogTitle = "Element Guides"): Crumb[] {
  if (!element) return [];
  return [
    { title: catalogTitle, url: CATALOG_URL },
    ...(element.hubLink ? [{ title: element.hubLink.name, url: element.hubLink.url }] : []),
    { title: element.name, url: element.url },
    { title: pageTitle, url: null },
  ];
}
