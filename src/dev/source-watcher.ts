import path from "node:path";
import { FolderWatch } from "./folder-watch.ts";

export interface SourceWatcher {
  close(): void;
}

/**
 * Watches the source tree (and the generator's theme) and reports saved, added and deleted files in batches: an
 * editor's save can touch a file twice, and a branch switch many files at once. Watching takes some tens of ms
 * (one watcher a folder, src/dev/folder-watch.ts), so it starts before the tree is read: no save is missed.
 */
export function watchSources(options: {
  dirs: string[];
  ignore: (file: string) => boolean;
  onSaved: (files: string[]) => void;
  /** What the writer should know: a folder that cannot be watched. Said once for each reason. */
  onProblem?: (message: string) => void;
  /** How long to gather files into one batch. */
  batchMs?: number;
}): SourceWatcher {
  const told = new Set<string>();
  const problem = (folder: string, error: NodeJS.ErrnoException) => {
    const code = error.code ?? error.message;
    if (told.has(code)) return;
    told.add(code);
    options.onProblem?.(watchProblem(folder, code));
  };
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
  }, problem);
  for (const dir of options.dirs) watch.add(dir);
  return {
    close: () => {
      clearTimeout(timer);
      watch.close();
    },
  };
}

/** Why saves in `folder` (and maybe others) will not show, and what to do. */
function watchProblem(folder: string, code: string): string {
  if (code === "ENOSPC") {
    return (
      `The preview cannot watch ${folder}: the system's limit of watched folders is reached, so saves there (and in any other folder past the limit) will not show.\n` +
      "  hint: raise the limit (sudo sysctl fs.inotify.max_user_watches=524288) and start the preview again.\n"
    );
  }
  if (code === "EMFILE") {
    return (
      `The preview cannot watch ${folder}: this process may open no more files, so saves there (and in any other folder past the limit) will not show.\n` +
      "  hint: raise the limit of open files (ulimit -n) and start the preview again.\n"
    );
  }
  return `The preview cannot watch ${folder} (${code}), so saves there will not show.\n  hint: check that the folder can be read.\n`;
}
