import fs from "node:fs";
import path from "node:path";

/**
 * The most pages in one bundle of the search index. Pagefind holds an index in memory until it writes it (about
 * 28 KB a page) and about four times that while writing (500 element-guide pages: 24 MiB, then 58-64 while
 * writing; 1,000: 39, then 111), and the bigger the index the longer its writing takes. A site of more pages gets
 * several bundles, each written as soon as it is full while the next pages render, which the search dialog merges
 * (assets/js/search.js); one Pagefind process runs at a time (src/search/search-feed.ts), and it stays under about
 * 60 MiB however big the site. With bundles of up to 1,000 it reached 125 (a 1,500-page site was one bundle of
 * 1,000 and one of 500), and a 1,502-page build peaked at 225-230 MiB. A merged bundle costs a reader little: it
 * shares the first bundle's WebAssembly, and adds its own small entry file and one index chunk a word searched.
 * On 10,000 pages, the dialog opened and three words searched in headless Chromium from a local server: 21 bundles
 * took 171 requests and 143-176 KB, first results after 1.7-1.9 s; 11 bundles of up to 1,000 took 111 requests and
 * 140-157 KB, first results after 1.4-1.7 s.
 */
export const MAX_BUNDLE_PAGES = 500;

/** A tag with Pagefind's `data-pagefind-body` attribute: the page marks the text to index. */
export const MARKED_TEXT = /<[a-z][^>]*\sdata-pagefind-body[\s=>]/i;

/** A bundle written by Pagefind, and how many of its pages mark their text. */
export interface WrittenBundle {
  folder: string;
  marked: number;
}

/** Pagefind's ready-made search UIs, written into every bundle; the site has its own (assets/js/search.js). */
const UNUSED_BUNDLE_FILES = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/**
 * The pages of the last bundle of a site of more than twice as many. It is written after the last page has
 * rendered, while the bundles before it were written as the pages rendered: a small last bundle keeps that tail short.
 */
export const LAST_BUNDLE_PAGES = 300;

/**
 * Pages per bundle, in order, for `pages` pages: one bundle up to twice `last` pages (or `max` when the count is not
 * known); else bundles as even as possible with none over `max` (10,001 pages never make a bundle of one page), then
 * one of `last` pages. The last bundle takes what is left, never written before the end.
 */
export function bundleSizes(pages: number | undefined, max = MAX_BUNDLE_PAGES, last = LAST_BUNDLE_PAGES): number[] {
  if (!pages) return [max];
  if (pages <= 2 * last) return pages <= max ? [max] : evenly(pages, max);
  return [...evenly(pages - last, max), last];
}

/** `pages` in as few bundles of at most `max` as can hold them, as even as possible (sizes differ by one at most). */
function evenly(pages: number, max: number): number[] {
  const count = Math.ceil(pages / max);
  const size = Math.floor(pages / count);
  return Array.from({ length: count }, (_, i) => size + (i < pages % count ? 1 : 0));
}

/**
 * Puts the written bundles in place under `bundleDir` (the site's `pagefind/`): the first kept one in it, the others
 * in the folders they were written to below it, returned relative to it ("part-2/", …) for the search dialog.
 * As in one index, pages that do not mark their text are left out when others do: a bundle none of whose pages mark
 * it (Pagefind indexed them whole) is dropped when another bundle has marked pages.
 */
export function placeBundles(bundleDir: string, bundles: readonly WrittenBundle[]): string[] {
  const marked = bundles.filter((bundle) => bundle.marked > 0);
  const kept = marked.length ? marked : bundles;
  for (const bundle of bundles) if (!kept.includes(bundle)) fs.rmSync(bundle.folder, { recursive: true, force: true });
  for (const bundle of kept) {
    for (const file of fs.readdirSync(bundle.folder)) {
      if (UNUSED_BUNDLE_FILES.test(file)) fs.rmSync(path.join(bundle.folder, file));
    }
  }
  const [first, ...others] = kept;
  for (const entry of fs.readdirSync(first.folder)) fs.renameSync(path.join(first.folder, entry), path.join(bundleDir, entry));
  fs.rmdirSync(first.folder);
  return others.map((bundle) => `${path.relative(bundleDir, bundle.folder).split(path.sep).join("/")}/`);
}
