import type { ElementGuide } from "../elements/element-model.ts";

/** One step of the trail; the current page has no URL. */
export interface Crumb {
  title: string;
  url: string | null;
}

const CATALOG_URL = "/docs/elements.html";
// Elements without a hub are listed under "Other" in the catalog (src/elements/catalog.ts); the trail follows suit.
const NO_HUB = { key: "other", name: "Other" };

/** Element Guides › hub › element › page, for pages of an element guide; other pages get no trail. */
export function breadcrumbTrail(element: ElementGuide | null, pageTitle: string): Crumb[] {
  if (!element) return [];
  const hubKey = element.hub ?? NO_HUB.key;
  return [
    { title: "Element Guides", url: CATALOG_URL },
    { title: element.hubName ?? NO_HUB.name, url: `${CATALOG_URL}#hub-${hubKey}` },
    { title: element.name, url: element.url },
    { title: pageTitle, url: null },
  ];
}
