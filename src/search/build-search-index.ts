import fs from "node:fs";
import path from "node:path";
import { startSearchFeed, type SearchFeed } from "./search-feed.ts";
import { writeShardList } from "./shard-list.ts";

export { SearchIndexError } from "./search-feed.ts";

export interface SearchIndexResult {
  /** Pages in the index: those with a `data-pagefind-body`. */
  pageCount: number;
  seconds: number;
}

/** Pagefind's ready-made search UIs, written beside the index; the site has its own (assets/js/search.js). */
const UNUSED_BUNDLE_FILES = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/**
 * Writes the search index of the site in `siteDir` to `<siteDir>/pagefind/`: with `feed`, the one the pages were
 * given to as they were written (src/search/search-feed.ts), which then only takes the other HTML files; without,
 * every HTML file of the site. Runs after every page is written and before the site is swapped in, so a failure
 * leaves the old site. `seconds` is what this step added to the build.
 */
export async function buildSearchIndex(siteDir: string, feed?: SearchFeed): Promise<SearchIndexResult> {
  const started = performance.now();
  const search = feed ?? (await startSearchFeed());
  try {
    await search.finish(siteDir);
    const bundleDir = path.join(siteDir, "pagefind");
    for (const file of fs.readdirSync(bundleDir)) {
      if (UNUSED_BUNDLE_FILES.test(file)) fs.rmSync(path.join(bundleDir, file));
    }
    // One bundle, no shards to merge (a merge of sharded builds rewrites the list).
    writeShardList(bundleDir, []);
    return { pageCount: indexedPages(bundleDir), seconds: (performance.now() - started) / 1000 };
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

/** The build output's line about search, e.g. "Search index: 7 pages in 0.31 s". */
export function searchIndexSummary(result: SearchIndexResult): string {
  const pages = `${result.pageCount.toLocaleString("en-US")} ${result.pageCount === 1 ? "page" : "pages"}`;
  return `Search index: ${pages} in ${result.seconds.toFixed(2)} s\n`;
}
