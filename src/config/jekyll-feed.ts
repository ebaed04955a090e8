/**
 * Where jekyll-feed writes the site's Atom feed (`feed: path:`, default feed.xml), when `plugins:` (or the older
 * `gems:`) of _config.yml lists it; undefined when it does not.
 */
export function jekyllFeedPath(site: Readonly<Record<string, unknown>>): string | undefined {
  const listed = [site.plugins, site.gems].some((list) => Array.isArray(list) && list.includes("jekyll-feed"));
  if (!listed) return undefined;
  const path = feedSettings(site).path;
  return typeof path === "string" && path.trim() !== "" ? path.trim().replace(/^\/+/, "") : "feed.xml";
}

/** `feed:` of _config.yml, as a mapping. */
export function feedSettings(site: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const feed = site.feed;
  return typeof feed === "object" && feed !== null && !Array.isArray(feed) ? (feed as Record<string, unknown>) : {};
}
