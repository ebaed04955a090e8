import path from "node:path";
import { FolderWatch } from "./folder-watch.ts";

export interface SourceWatcher {
  close(): void;
}

/**
 * Watches the source tree (and the generator's theme) and reports saved, added and deleted files in batches: an
 * editor's save can touch a file twice, and a branch switch many files at once. Watching takes a few milliseconds
 * (one watcher a folder, src/dev/folder-watch.ts), so it starts before the tree is read: no save is missed.
 */
export function watchSources(options: {
  dirs: string[];
  ignore: (file: string) => boolean;
  onSaved: (files: string[]) => void;
  /** How long to gather files into one batch. */
  batchMs?: number;
}): SourceWatcher {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watch = new FolderWatch(options.ignore, (file) => {
    pending.add(path.resolve(file));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...pending];
      pending.clear();
      options.onSaved(files);
    }, options.batchMs ?? 10);
  });
  for (const dir of options.dirs) watch.add(dir);
  return {
    close: () => {
      clearTimeout(timer);
      watch.close();
    },
  };
}
