import fs from "node:fs";
import path from "node:path";
import { startSearchFeed, type SearchFeed } from "./search-feed.ts";
import { writeShardList } from "./shard-list.ts";

export { SearchIndexError } from "./search-feed.ts";

export interface SearchIndexResult {
  /** Pages in the index: those with a `data-pagefind-body`. */
  pageCount: number;
  /** The bundles besides the first, relative to it: "part-2/", … (src/search/search-bundles.ts). */
  bundles: string[];
  seconds: number;
}

/**
 * Writes the search index of the site in `siteDir` to `<siteDir>/pagefind/`: with `feed`, the one the pages were
 * given to as they were written (src/search/search-feed.ts), which then only takes the other HTML files; without,
 * every HTML file of the site. Runs after every page is written and before the site is swapped in, so a failure
 * leaves the old site. `seconds` is what this step added to the build.
 */
export async function buildSearchIndex(siteDir: string, feed?: SearchFeed): Promise<SearchIndexResult> {
  const started = performance.now();
  const search = feed ?? (await startSearchFeed(siteDir));
  try {
    const { bundles } = await search.finish();
    const bundleDir = path.join(siteDir, "pagefind");
    // The dialog merges the other bundles into the first (a merge of sharded builds rewrites the list).
    writeShardList(bundleDir, bundles);
    const pageCount = ["", ...bundles].reduce((sum, folder) => sum + indexedPages(path.join(bundleDir, folder)), 0);
    return { pageCount, bundles, seconds: (performance.now() - started) / 1000 };
  } finally {
    // Pagefind runs as a child process; close it so the build can exit.
    await search.close();
  }
}

/** Pagefind's own count of indexed pages (it reads every HTML file, but indexes only those with a body to index). */
function indexedPages(bundleDir: string): number {
  const entry = JSON.parse(fs.readFileSync(path.join(bundleDir, "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/** The build output's line about search, e.g. "Search index: 7 pages in 0.31 s", or "…: 12,000 pages in 3 bundles in 2.40 s". */
export function searchIndexSummary(result: SearchIndexResult): string {
  const pages = `${result.pageCount.toLocaleString("en-US")} ${result.pageCount === 1 ? "page" : "pages"}`;
  const bundles = result.bundles.length ? ` in ${result.bundles.length + 1} bundles` : "";
  return `Search index: ${pages}${bundles} in ${result.seconds.toFixed(2)} s\n`;
}
