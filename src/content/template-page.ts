import type { SourcePage } from "./source-page.ts";

/**
 * A page as templates see it, which is how Jekyll gives it to them: its front matter plus what Jekyll derives
 * (a post's date, slug, categories, neighbours), and no layout for `layout: null`, nor for a page that is not
 * Markdown unless it names one (an .html page is usually a whole document). The front matter as written stays on the loaded page, for
 * the front matter checks.
 */
export function templatePage(page: SourcePage, options: { layout?: false } = {}): SourcePage {
  // `layout: null` is how Jekyll pages say "no layout" (a feed, a search index).
  const noLayout = options.layout === false || page.data.layout === null || (page.markdown === false && page.data.layout === undefined);
  if (!page.derived && !noLayout) return page;
  return { ...page, data: { ...page.data, ...page.derived, ...(noLayout ? { layout: false } : {}) } };
}
