import fs from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";

export interface SearchIndexResult {
  /** Pages in the index: those with a `data-pagefind-body`. */
  pageCount: number;
  seconds: number;
}

/** Pagefind's ready-made search UIs, written beside the index; the site has its own (assets/js/search.js). */
const UNUSED_BUNDLE_FILES = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/**
 * Parts of a page's body that are not its text: code block toolbars ("JSON", "Copy") and heading anchors.
 * Which pages and which part of them are indexed is decided by `data-pagefind-body` in the layouts.
 */
const NOT_TEXT = [".code-block__bar", ".heading-anchor"];

/**
 * Indexes the written site with Pagefind's Node API and writes the index to `<siteDir>/pagefind/`.
 * Runs after every page is written and before the site is swapped in, so a failure leaves the old site.
 */
export async function buildSearchIndex(siteDir: string): Promise<SearchIndexResult> {
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({
      // Our URLs end in index.html, as on the Jekyll site; results should link to the same addresses.
      keepIndexUrl: true,
      excludeSelectors: NOT_TEXT,
    });
    if (!index) throw new SearchIndexError(errors);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new SearchIndexError(added.errors);
    const bundleDir = path.join(siteDir, "pagefind");
    const written = await index.writeFiles({ outputPath: bundleDir });
    if (written.errors.length) throw new SearchIndexError(written.errors);
    for (const file of fs.readdirSync(bundleDir)) {
      if (UNUSED_BUNDLE_FILES.test(file)) fs.rmSync(path.join(bundleDir, file));
    }
    return { pageCount: indexedPages(bundleDir), seconds: (performance.now() - started) / 1000 };
  } finally {
    // Pagefind runs as a child process; close it so the build can exit.
    await pagefind.close();
  }
}

/** Pagefind's own count of indexed pages (`addDirectory` counts every HTML file it read). */
function indexedPages(bundleDir: string): number {
  const entry = JSON.parse(fs.readFileSync(path.join(bundleDir, "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

export class SearchIndexError extends Error {
  constructor(errors: string[]) {
    super(`Pagefind could not build the search index: ${errors.join("; ") || "no reason given"}`);
    this.name = "SearchIndexError";
  }
}

/** The build output's line about search, e.g. "Search index: 7 pages in 0.31 s". */
export function searchIndexSummary(result: SearchIndexResult): string {
  const pages = `${result.pageCount.toLocaleString("en-US")} ${result.pageCount === 1 ? "page" : "pages"}`;
  return `Search index: ${pages} in ${result.seconds.toFixed(2)} s\n`;
}
