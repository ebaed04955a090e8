import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** The parts of Eleventy's watcher (@11ty/chokidar-with-glob-support, chokidar 4) we use. */
interface Watcher {
  on(event: "all", listener: (event: string, file: string) => void): Watcher;
  once(event: "ready", listener: () => void): Watcher;
  getWatched(): Record<string, string[]>;
  close(): Promise<void>;
}

export interface SourceWatcher {
  /** Resolves once every folder is watched, and files saved before that were reported. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Watches the source tree (and the generator's theme) with the watcher Eleventy uses, and reports saved, added
 * and deleted files in batches: an editor's save can touch a file twice, and a branch switch many files at once.
 * Watching a large tree takes a while to set up (1.4 s for 1,500 pages on a busy machine), so the preview serves
 * before it is done: once it is, files changed since `since` (when the tree was read) are reported too.
 */
export function watchSources(options: {
  dirs: string[];
  ignore: (file: string) => boolean;
  since: number;
  onSaved: (files: string[]) => void;
  /** How long to gather files into one batch. */
  batchMs?: number;
}): SourceWatcher {
  const require = createRequire(import.meta.url);
  const chokidar = require("@11ty/chokidar-with-glob-support") as { watch(paths: string[], options: object): Watcher };
  const watcher = chokidar.watch(options.dirs, { ignoreInitial: true, ignored: (file: string) => options.ignore(file) });
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const report = (file: string) => {
    pending.add(path.resolve(file));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...pending];
      pending.clear();
      options.onSaved(files);
    }, options.batchMs ?? 10);
  };
  watcher.on("all", (event, file) => {
    if (event === "add" || event === "change" || event === "unlink") report(file);
  });
  const ready = new Promise<void>((resolve) => {
    watcher.once("ready", () => {
      for (const file of changedSince(watcher.getWatched(), options.since)) report(file);
      resolve();
    });
  });
  return {
    ready,
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}

/** Watched files modified at or after `since` (ms since the epoch). */
function changedSince(watched: Record<string, string[]>, since: number): string[] {
  const changed: string[] = [];
  for (const [dir, names] of Object.entries(watched)) {
    for (const name of names) {
      const file = path.join(dir, name);
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (stat?.isFile() && stat.mtimeMs >= since) changed.push(file);
    }
  }
  return changed;
}
