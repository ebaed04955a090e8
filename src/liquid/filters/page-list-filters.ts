import { urlFilters } from "./url-filters.ts";

/** liquidjs's `escape` (its entity for `"` is `&#34;`), so that these lists read byte for byte as the loops they replace. */
const escapeLiquid = (value: unknown) =>
  String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;" })[c]!);

/** Liquid's truth: only nil and false are false (an empty string is true). */
const isTrue = (value: unknown) => value !== null && value !== undefined && value !== false;

const listOf = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value : []);

/**
 * Each line as the `{%- for %}` loop it replaces wrote it (our Liquid trims spaces but keeps newlines): at the
 * include's indentation, between blank lines, so that pages stay byte for byte what they were.
 */
const asLoopLines = (lines: string[], indent: string) => lines.map((line) => `\n${indent}${line}\n`).join("");

/**
 * The `<li>` lines of the lists every page's layout shows (_includes/on-this-page.html,
 * _includes/breadcrumb-trail.html), written here rather than by a Liquid loop: the loops were a visible share
 * of layout time on large sites.
 */
export function pageListFilters(site: { url: string; baseurl: string }) {
  const { relative_url } = urlFilters(site);
  const tocLine = (entry: Record<string, unknown>) =>
    `<li class="toc__h${String(entry.level ?? "")}"><a href="#${escapeLiquid(entry.id)}">${escapeLiquid(entry.text)}</a></li>`;
  const crumbLine = (crumb: Record<string, unknown>) =>
    isTrue(crumb.url)
      ? `<li><a href="${relative_url(crumb.url)}">${escapeLiquid(crumb.title)}</a></li>`
      : `<li><span aria-current="page">${escapeLiquid(crumb.title)}</span></li>`;
  return {
    /** `{{ toc | toc_items }}`: "On this page" entries (src/render/layout-variables/table-of-contents.ts). */
    toc_items: (toc: unknown): string => asLoopLines(listOf(toc).map(tocLine), "      "),
    /** `{{ breadcrumb_trail | breadcrumb_items }}`: the trail's steps, the current page (no URL) marked. */
    breadcrumb_items: (trail: unknown): string => asLoopLines(listOf(trail).map(crumbLine), "    "),
  };
}
