import type { ElementGuide, ElementPageLink } from "../../elements/element-model.ts";

/** Previous and next page of the same element guide, by `order`. */
export interface PageNav {
  previous: ElementPageLink | null;
  next: ElementPageLink | null;
}

/**
 * Found in the element's own short page list, so layouts need no loop of their own to find the current
 * page (a Liquid loop per page cost more than the rest of the element layout).
 */
export function pageNav(element: ElementGuide | null, url: string): PageNav {
  const index = element ? element.pages.findIndex((page) => page.url === url) : -1;
  if (!element || index === -1) return { previous: null, next: null };
  return { previous: element.pages[index - 1] ?? null, next: element.pages[index + 1] ?? null };
}
