import { Tag, type Context, type Emitter } from "liquidjs";
import { jekyllFeedPath } from "../../config/jekyll-feed.ts";
import { escapeHtml } from "../../text/escape-html.ts";

/**
 * `{% feed_meta %}` of jekyll-feed, which minima's and many themes' `<head>` hold: the link that lets a browser or
 * reader find the site's Atom feed (src/site-files/atom-feed.ts). It writes nothing when no feed is made, rather than
 * failing a legacy theme's every page.
 */
export class FeedMetaTag extends Tag {
  render(ctx: Context, emitter: Emitter): void {
    const value = (ctx.environments as Record<string, unknown>).site;
    const site = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
    const feed = jekyllFeedPath(site);
    if (feed === undefined) return;
    const href = `${String(site.url ?? "")}${String(site.baseurl ?? "")}/${feed}`;
    const title = typeof site.title === "string" && site.title ? ` title="${escapeHtml(site.title)}"` : "";
    emitter.write(`<link type="application/atom+xml" rel="alternate" href="${escapeHtml(href)}"${title} />`);
  }
}
