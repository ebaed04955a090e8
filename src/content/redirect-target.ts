import type { SourcePage } from "./source-page.ts";

/**
 * Where jekyll-redirect-from's `redirect_to:` sends the reader (the first of a list), trimmed: an http(s) URL or a
 * path. Anything else (`javascript:…`, an empty value, a number) the front matter check reports, and the page
 * keeps its text, its place in the sidebar and the sitemap: every part of the build asks here, so they agree.
 */
export function redirectTarget(page: Pick<SourcePage, "data">): string | undefined {
  const to = Array.isArray(page.data.redirect_to) ? page.data.redirect_to[0] : page.data.redirect_to;
  if (typeof to !== "string") return undefined;
  const target = to.trim();
  return /^(?:https?:\/\/|\/)/i.test(target) ? target : undefined;
}
