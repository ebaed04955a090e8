import type * as Pagefind from "pagefind";

/** Pagefind's Node API with a process of its own. */
export type PagefindProcess = Pick<typeof Pagefind, "createIndex" | "close">;

let started = 0;
let stopReason: string | undefined;

/**
 * Pagefind's Node API over a new Pagefind process. The API keeps one process for the whole module, and that process
 * keeps the memory of its largest write until it stops, even once the index is deleted: a build that writes its
 * index in bundles (src/search/search-bundles.ts) gives each bundle a process of its own, stopped once the bundle
 * is written. Each is the same module loaded again under its own URL (a query string), so it holds its own process.
 */
export async function startPagefindProcess(): Promise<PagefindProcess> {
  quietStopReports();
  const url = new URL(import.meta.resolve("pagefind"));
  url.searchParams.set("process", String(++started));
  return (await import(url.href)) as PagefindProcess;
}

/**
 * Why a Pagefind process first stopped under this process, as its Node API reported it ("spawn /x/pf ENOENT", "write
 * EPIPE"); undefined when none did.
 */
export function pagefindStopReason(): string | undefined {
  return stopReason;
}

/**
 * The API prints `Service stopped` and the error, with its stack, each time a message cannot reach its process: a
 * process killed mid-build made hundreds of them. The build reports the stop once (src/search/search-feed.ts), so
 * those are kept for that report instead of printed; anything else goes to stderr as before.
 */
function quietStopReports(): void {
  if (started > 0) return;
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (args[0] !== "Service stopped") return print(...args);
    stopReason ??= args[1] instanceof Error ? args[1].message : String(args[1]);
  };
}
