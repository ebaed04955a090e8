import type { EventEmitter } from "node:events";

type Watcher = EventEmitter & { getWatched(): Record<string, string[]> };

/**
 * Resolves once Eleventy's file watcher really watches the tree. chokidar 4 (through Eleventy's glob wrapper)
 * emits `ready` after the top folders only and keeps scanning: a save in that window is never seen (measured:
 * 4 paths watched at `ready`, 343 a second later, on a 300-page tree). So wait for `ready`, then until the number
 * of watched paths stops growing.
 */
export async function watcherReady(watcher: Watcher, settleMs = 200, pollMs = 50): Promise<void> {
  // (In case `ready` has already gone by, the settling below still applies.)
  await Promise.race([
    new Promise((resolve) => watcher.once("ready", resolve)),
    new Promise((resolve) => setTimeout(resolve, 3_000).unref()),
  ]);
  const count = () => Object.values(watcher.getWatched()).reduce((n, names) => n + names.length, 0);
  let last = -1;
  let stableFor = 0;
  while (stableFor < settleMs) {
    const now = count();
    stableFor = now === last ? stableFor + pollMs : 0;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
