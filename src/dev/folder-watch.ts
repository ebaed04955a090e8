import fs from "node:fs";
import path from "node:path";
import { isInside, linkTarget } from "../content/inside-tree.ts";

/**
 * Watches folders and everything below them with one `fs.watch` per folder: the system tells a folder's watcher
 * about each file in it, so no file needs a watcher or a stat of its own. Chokidar stats and watches every file:
 * on 1,500 pages that took 1-1.4 s of this thread just as the preview renders the site in the background, and
 * Node's own recursive `fs.watch` does the same on Linux, with no way to skip node_modules.
 *
 * Each change is reported as the path of the file, as reached from the root (a symbolic link's path, for a file or
 * folder linked inside the root): added, saved and deleted alike, the reader stats it. A folder that appears reports
 * its files; one that goes, or is replaced by another, reports the files it had.
 */
export class FolderWatch {
  /** Each watched folder by its path: its watcher, what is in it, and where it leads. */
  private readonly folders = new Map<string, WatchedFolder>();
  /** The links to files in watched folders, by the path of the file each leads to (as written, and real). */
  private readonly linksTo = new Map<string, Set<string>>();
  private closed = false;

  constructor(
    private readonly ignore: (file: string) => boolean,
    private readonly onChange: (file: string) => void,
    /** A folder that cannot be watched (past the system's limit of watches, not readable): its saves are not seen. */
    private readonly onProblem: (folder: string, error: NodeJS.ErrnoException) => void = () => {},
  ) {}

  /** Watches the folder `root` and the folders below it that are not ignored. */
  add(root: string): void {
    const folder = path.resolve(root);
    const real = realPath(folder);
    if (real !== undefined) this.watchTree(folder, { root: real, above: [] }, false);
  }

  close(): void {
    this.closed = true;
    for (const folder of this.folders.values()) folder.watcher.close();
    this.folders.clear();
    this.linksTo.clear();
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
    } catch (error) {
      // Gone meanwhile: its parent reports it if it comes back. Anything else, the writer should hear of.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") this.onProblem(folder, error as NodeJS.ErrnoException);
      return;
    }
    // A watched folder that cannot be watched any more (deleted, say): its files are gone as far as anyone can tell.
    watcher.on("error", () => this.forget(folder, true));
    const watched: WatchedFolder = { watcher, real, identity: identityOf(statOf(folder)), files: new Set(), from, below };
    this.folders.set(folder, watched);
    for (const entry of entries) {
      const file = path.join(folder, entry.name);
      if (this.ignore(file)) continue;
      if (entry.isDirectory() || (entry.isSymbolicLink() && statOf(file)?.isDirectory())) this.watchTree(file, below, report);
      else {
        watched.files.add(entry.name);
        if (entry.isSymbolicLink()) this.noteLink(file);
        if (report) this.report(file);
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
    const stat = statOf(file);
    if (!stat && this.isFolderItself(watched, name)) {
      this.watchAgain(watched.real);
      return;
    }
    const known = this.folders.get(file);
    // A folder deleted, moved away, or replaced by another in one go (a branch switch): its files are gone.
    if (known && (!stat?.isDirectory() || identityOf(stat) !== known.identity)) this.forget(file, true);
    if (stat?.isDirectory()) {
      this.watchTree(file, watched.below, true);
      return;
    }
    if (stat) watched.files.add(name);
    else watched.files.delete(name);
    this.forgetLink(file);
    this.noteLink(file);
    this.report(file);
  }

  /** Reports `file`, and the links to files that lead to it: a save of the file is a save of each such page. */
  private report(file: string, seen = new Set<string>()): void {
    seen.add(file);
    this.onChange(file);
    for (const link of this.linksTo.get(file) ?? []) if (!seen.has(link)) this.report(link, seen);
  }

  /**
   * The system says a watched folder itself went (deleted, or moved away) by its own name, as if it were a file in
   * it; the name is that of the first path the folder was watched under (the system watches it once). A folder made
   * again at once may even get the same inode back, so the watch, now dead, cannot be told from a good one later.
   */
  private isFolderItself(watched: WatchedFolder, name: string): boolean {
    for (const [watchedPath, other] of this.folders) if (other.real === watched.real && path.basename(watchedPath) === name) return true;
    return false;
  }

  /** Watches afresh every path the folder `real` was watched under (its own, and links to it): its files are news. */
  private watchAgain(real: string): void {
    const again = [...this.folders].filter(([, watched]) => watched.real === real);
    for (const [watchedPath] of again) this.forget(watchedPath, true);
    for (const [watchedPath, watched] of again) if (statOf(watchedPath)?.isDirectory()) this.watchTree(watchedPath, watched.from, true);
  }

  /** Notes where a link to a file leads (it need not exist yet), so that a save there is reported at the link too. */
  private noteLink(file: string): void {
    const written = linkTarget(file);
    if (written === undefined || statOf(file)?.isDirectory()) return;
    const targets = new Set([path.resolve(path.dirname(file), written), realPath(file) ?? ""]);
    for (const target of targets) if (target) this.linksTo.set(target, (this.linksTo.get(target) ?? new Set()).add(file));
  }

  private forgetLink(file: string): void {
    for (const [target, links] of this.linksTo) if (links.delete(file) && !links.size) this.linksTo.delete(target);
  }

  /** Stops watching `folder` and the folders below it; `report`: their files are gone, and are reported. */
  private forget(folder: string, report: boolean): void {
    for (const [watchedPath, watched] of this.folders) {
      if (!isInside(folder, watchedPath)) continue;
      watched.watcher.close();
      this.folders.delete(watchedPath);
      for (const name of watched.files) {
        const file = path.join(watchedPath, name);
        this.forgetLink(file);
        if (report) this.report(file);
      }
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
  /** Where it leads, and the folder itself (device and inode): another folder at its path is news. */
  real: string;
  identity: string;
  /** The names of the files last seen in it. */
  files: Set<string>;
  /** How the folder itself was reached, and how the folders in it are. */
  from: Reach;
  below: Reach;
}

/** What is at `file`, links followed; undefined when nothing is, or it cannot be told (a loop of links, no access). */
function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function identityOf(stat: fs.Stats | undefined): string {
  return stat ? `${stat.dev}:${stat.ino}` : "";
}

function realPath(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}
