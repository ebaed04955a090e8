import type { Measurement } from "./measure.ts";

/** Pagefind's processes, as bench/process-tree.ts names their threads (Linux cuts the command to 15 characters). */
const PAGEFIND = /^pagefind/;

/**
 * A build's CPU seconds less those of Pagefind's processes, which index the site for search: Jekyll builds no
 * search index, so this is the part of our CPU time that its own can be set against. Undefined where /proc does not
 * tell the threads apart.
 */
export function cpuWithoutSearch({ cpuSeconds, cpuByThread }: Measurement): number | undefined {
  if (cpuSeconds === undefined || cpuByThread === undefined) return undefined;
  const search = Object.entries(cpuByThread)
    .filter(([name]) => PAGEFIND.test(name))
    .reduce((sum, [, seconds]) => sum + seconds, 0);
  return cpuSeconds - search;
}
