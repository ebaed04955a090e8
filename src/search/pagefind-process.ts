import type * as Pagefind from "pagefind";

/** Pagefind's Node API with a process of its own. */
export type PagefindProcess = Pick<typeof Pagefind, "createIndex" | "close">;

let started = 0;

/**
 * Pagefind's Node API over a new Pagefind process. The API keeps one process for the whole module, and that process
 * keeps the memory of its largest write until it stops, even once the index is deleted: a build that writes its
 * index in bundles (src/search/search-bundles.ts) gives each bundle a process of its own, stopped once the bundle
 * is written. Each is the same module loaded again under its own URL (a query string), so it holds its own process.
 */
export async function startPagefindProcess(): Promise<PagefindProcess> {
  const url = new URL(import.meta.resolve("pagefind"));
  url.searchParams.set("process", String(++started));
  return (await import(url.href)) as PagefindProcess;
}
