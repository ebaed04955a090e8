import fs from "node:fs";
import path from "node:path";
import { isInside } from "../content/inside-tree.ts";

/**
 * Watches folders and everything below them with one `fs.watch` per folder: the system tells a folder's watcher
 * about each file in it, so no file needs a watcher or a stat of its own. Chokidar (which Eleventy uses) stats and
 * watches every file: on 1,500 pages that took 1-1.4 s of this thread just as the preview renders the site in
 * the background, and Node's own recursive `fs.watch` does the same on Linux, with no way to skip node_modules.
 *
 * Each change is reported as the path of the file, as reached from the root (a symbolic link's path, for a folder
 * linked inside the root): added, saved and deleted alike, the reader stats it. A folder that appears reports its
 * files; one that goes reports the files it had.
 */
export class FolderWatch {
  /** Each watched folder by its path: its watcher, the names of the files last seen in it, and where it leads. */
  private readonly folders = new Map<string, WatchedFolder>();
  private closed = false;

  constructor(
    private readonly ignore: (file: string) => boolean,
    private readonly onChange: (file: string) => void,
  ) {}

  /** Watches the folder `root` and the folders below it that are not ignored. */
  add(root: string): void {
    const folder = path.resolve(root);
    const real = realPath(folder);
    if (real !== undefined) this.watchTree(folder, { root: real, above: [] }, false);
  }

  close(): void {
    this.closed = true;
    for (const { watcher } of this.folders.values()) watcher.close();
    this.folders.clear();
  }

  /** Watches `folder` and those below it; `report`: a folder that just appeared, whose files are news. */
  private watchTree(folder: string, from: Reach, report: boolean): void {
    if (this.closed || this.folders.has(folder)) return;
    const real = realPath(folder);
    // A link that leads out of the root, or back up to a folder above (a loop), is not followed: the loader leaves
    // it out too (src/content/inside-tree.ts).
    if (real === undefined || !isInside(from.root, real) || from.above.includes(real)) return;
    const below: Reach = { root: from.root, above: [...from.above, real] };
    let watcher: fs.FSWatcher;
    let entries: fs.Dirent[];
    try {
      watcher = fs.watch(folder, (_event, name) => this.changed(folder, name === null ? undefined : String(name)));
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return; // gone meanwhile, or not readable: its parent reports it if it comes back
    }
    // A watched folder that cannot be watched any more (deleted, say): its files are gone as far as anyone can tell.
    watcher.on("error", () => this.forget(folder, true));
    const files = new Set<string>();
    this.folders.set(folder, { watcher, files, from, below });
    for (const entry of entries) {
      const file = path.join(folder, entry.name);
      if (this.ignore(file)) continue;
      if (entry.isDirectory() || (entry.isSymbolicLink() && isFolder(file))) this.watchTree(file, below, report);
      else {
        files.add(entry.name);
        if (report) this.onChange(file);
      }
    }
  }

  /** Something named `name` in `folder` was added, saved, renamed or deleted; undefined: the system did not say what. */
  private changed(folder: string, name: string | undefined): void {
    const watched = this.folders.get(folder);
    if (this.closed || !watched) return;
    if (name === undefined) {
      // Read the whole folder again, reporting every file in it.
      this.forget(folder, true);
      this.watchTree(folder, watched.from, true);
      return;
    }
    const file = path.join(folder, name);
    if (this.ignore(file)) return;
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isDirectory()) this.watchTree(file, watched.below, true);
    else if (this.folders.has(file)) this.forget(file, true); // a folder deleted or moved away: its files are gone
    else {
      if (stat) watched.files.add(name);
      else watched.files.delete(name);
      this.onChange(file);
    }
  }

  /** Stops watching `folder` and the folders below it; `report`: their files are gone, and are reported. */
  private forget(folder: string, report: boolean): void {
    for (const [watched, { watcher, files }] of this.folders) {
      if (!isInside(folder, watched)) continue;
      watcher.close();
      this.folders.delete(watched);
      if (report) for (const name of files) this.onChange(path.join(watched, name));
    }
  }
}

/** How a folder was reached: the real path of its root, and the real paths of the folders above it. */
interface Reach {
  root: string;
  above: readonly string[];
}

interface WatchedFolder {
  watcher: fs.FSWatcher;
  files: Set<string>;
  /** How the folder itself was reached, and how the folders in it are. */
  from: Reach;
  below: Reach;
}

function realPath(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}

function isFolder(file: string): boolean {
  return fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
