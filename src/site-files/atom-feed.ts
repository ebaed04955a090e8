import { feedSettings, jekyllFeedPath } from "../config/jekyll-feed.ts";
import type { SiteOutput } from "../render/site-output.ts";
import { escapeHtml } from "../text/escape-html.ts";
import { oneLinePlainText as plainText, scalarText as text } from "../text/plain-text.ts";
import { linkAddress } from "../text/url-escape.ts";
import { xmlSchemaTime } from "../text/xml-schema-time.ts";

type Drop = Readonly<Record<string, unknown>>;

/**
 * jekyll-feed's Atom feed of the newest posts (`feed: posts_limit:`, 10 by default), with their content, when
 * `plugins:` lists jekyll-feed: readers of a legacy portal's release notes are subscribed to it. Its `<updated>` is
 * the newest post's date, or `site.time`, which a build takes from the tree (src/config/site-time.ts), never the
 * clock: the same tree gives the same bytes.
 */
export function atomFeed(site: Drop & { url: string; baseurl: string; title: string; description: string }): SiteOutput | undefined {
  const outputPath = jekyllFeedPath(site);
  if (outputPath === undefined) return undefined;
  const limit = Number(feedSettings(site).posts_limit ?? 10);
  const posts = (Array.isArray(site.posts) ? (site.posts as Drop[]) : []).filter((post) => post.draft !== true).slice(0, Number.isInteger(limit) && limit >= 0 ? limit : 10);
  const absolute = (url: string) => `${site.url}${site.baseurl}${linkAddress(url)}`;
  const self = absolute(`/${outputPath}`);
  const updated = posts.map((post) => timeOf(post.last_modified_at) ?? timeOf(post.date)).find((time) => time !== undefined) ?? timeOf(site.time);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    '<generator uri="https://github.com/element-guides">Element Guides</generator>',
    `<link href="${escapeHtml(self)}" rel="self" type="application/atom+xml" />`,
    `<link href="${escapeHtml(absolute("/"))}" rel="alternate" type="text/html" />`,
    ...(updated ? [`<updated>${xmlSchemaTime(updated)}</updated>`] : []),
    `<id>${escapeHtml(self)}</id>`,
    ...(site.title ? [`<title type="html">${escapeHtml(site.title)}</title>`] : []),
    ...(site.description ? [`<subtitle>${escapeHtml(site.description)}</subtitle>`] : []),
    ...posts.map((post) => entry(post, absolute)),
    "</feed>",
  ];
  return { outputPath, url: `/${outputPath}`, html: `${lines.join("\n")}\n` };
}

function entry(post: Drop, absolute: (url: string) => string): string {
  const url = absolute(String(post.url ?? "/"));
  // As jekyll-feed writes them: the id is the post's id (its URL without .html), which a reader remembers it by; the
  // title without tags.
  const id = typeof post.id === "string" && post.id !== "" ? absolute(post.id) : url;
  const title = plainText(text(post.title));
  const published = timeOf(post.date);
  const updated = timeOf(post.last_modified_at) ?? published;
  // As jekyll-feed writes it: the excerpt as plain text on one line.
  const summary = plainText(text(post.description) || text(post.excerpt));
  return [
    "<entry>",
    `<title type="html">${escapeHtml(title)}</title>`,
    `<link href="${escapeHtml(url)}" rel="alternate" type="text/html" title="${escapeHtml(title)}" />`,
    ...(published ? [`<published>${xmlSchemaTime(published)}</published>`] : []),
    ...(updated ? [`<updated>${xmlSchemaTime(updated)}</updated>`] : []),
    `<id>${escapeHtml(id)}</id>`,
    `<content type="html" xml:base="${escapeHtml(url)}">${escapeHtml(text(post.content))}</content>`,
    ...(summary ? [`<summary type="html">${escapeHtml(summary)}</summary>`] : []),
    "</entry>",
  ].join("\n");
}

function timeOf(value: unknown): Date | undefined {
  const date = value instanceof Date ? value : typeof value === "string" ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}
