import fs from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { NOT_TEXT_CLASSES, searchDocument } from "./search-document.ts";

/** Parts of a page's body that are not its text, for the pages Pagefind is given whole (src/search/search-document.ts). */
const NOT_TEXT = NOT_TEXT_CLASSES.map((name) => `.${name}`);

/** Pages handed to Pagefind that it has not indexed yet, at most, before the render waits for it. */
const MAX_WAITING = 100;

/** Pagefind's index of one site, fed page by page while the site is written. */
export interface SearchFeed {
  /**
   * Indexes a page written at `outputPath` (relative to the site folder). Returns at once: Pagefind works in its
   * own process meanwhile. Pages are numbered in the index in the order they are added.
   */
  add(outputPath: string, html: string): void;
  /**
   * Resolves once Pagefind has caught up to within a few batches of pages: each page waiting for it is held in
   * memory (in the pipe to its process), so the render waits here rather than run ahead.
   */
  caughtUp(): Promise<void>;
  /** Adds the site's HTML files not added yet, in path order, then writes the index into `<siteDir>/pagefind/`. */
  finish(siteDir: string): Promise<void>;
  /** Stops Pagefind's process; the build calls it however it ends. */
  close(): Promise<void>;
}

/**
 * Starts Pagefind (a process of its own, which then indexes on the other core while pages render). Which pages and
 * which part of them are indexed is decided by `data-pagefind-body` in the layouts; results link to the same
 * addresses as the Jekyll site, index.html included.
 */
export async function startSearchFeed(): Promise<SearchFeed> {
  const { index, errors: startErrors } = await pagefind.createIndex({ keepIndexUrl: true, excludeSelectors: NOT_TEXT });
  if (!index) throw new SearchIndexError(startErrors);
  const added = new Set<string>();
  const errors: string[] = [];
  const pending = new Set<Promise<void>>();
  const add = (outputPath: string, html: string) => {
    added.add(outputPath);
    // The path, not a URL: Pagefind makes the result URL from it as it does for a file it finds on disk. It is given
    // only the part of the page it reads (src/search/search-document.ts): the same index, for less of its time.
    const indexed = index.addHTMLFile({ sourcePath: outputPath, content: searchDocument(html) }).then(
      (reply) => void errors.push(...reply.errors),
      (error: unknown) => void errors.push(error instanceof Error ? error.message : String(error)),
    );
    pending.add(indexed);
    void indexed.then(() => {
      pending.delete(indexed);
      if (pending.size <= MAX_WAITING) for (const resume of waiting.splice(0)) resume();
    });
  };
  const waiting: Array<() => void> = [];
  return {
    add,
    caughtUp: () => (pending.size <= MAX_WAITING ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve))),
    async finish(siteDir) {
      for (const file of htmlFiles(siteDir)) if (!added.has(file)) add(file, fs.readFileSync(path.join(siteDir, file), "utf8"));
      await Promise.all(pending);
      if (errors.length) throw new SearchIndexError(errors);
      const written = await index.writeFiles({ outputPath: path.join(siteDir, "pagefind") });
      if (written.errors.length) throw new SearchIndexError(written.errors);
    },
    async close() {
      // Pages still in the pipe are let through first: closing under them makes Pagefind's process panic on a broken
      // pipe and Node print a stack trace per page, after a failed build's own report.
      await Promise.all(pending);
      await pagefind.close();
    },
  };
}

/** Every `.html` file of the site, relative and with forward slashes, sorted; none of an index already there. */
function htmlFiles(siteDir: string): string[] {
  return fs
    .readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .filter((file) => !file.startsWith("pagefind/"))
    .sort();
}

export class SearchIndexError extends Error {
  constructor(errors: string[]) {
    super(`Pagefind could not build the search index: ${errors.join("; ") || "no reason given"}`);
    this.name = "SearchIndexError";
  }
}
