import { sanitizeUrl } from "../content/urls.ts";

/**
 * Where jekyll-feed writes the site's Atom feed (`feed: path:`, default feed.xml), when `plugins:` (or the older
 * `gems:`) of _config.yml lists it; undefined when it does not.
 */
export function jekyllFeedPath(site: Readonly<Record<string, unknown>>): string | undefined {
  const listed = [site.plugins, site.gems].some((list) => Array.isArray(list) && list.includes("jekyll-feed"));
  if (!listed) return undefined;
  const path = feedSettings(site).path;
  // Kept inside the site as Jekyll keeps a page's path: no `..`, no leading slash (`../../x.xml` is `x.xml`).
  const inside = typeof path === "string" ? sanitizeUrl(path.trim()).replace(/^\/+/, "") : "";
  return inside === "" || inside.endsWith("/") ? "feed.xml" : inside;
}

/** `feed:` of _config.yml, as a mapping. */
export function feedSettings(site: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const feed = site.feed;
  return typeof feed === "object" && feed !== null && !Array.isArray(feed) ? (feed as Record<string, unknown>) : {};
}
