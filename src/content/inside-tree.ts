import fs from "node:fs";
import path from "node:path";
import { DiagnosticError, type Diagnostic } from "../diagnostics/diagnostic.ts";

/**
 * A folder that every file read or copied for the site must stay inside once symlinks are followed: the source
 * tree, or one of the generator's own `_includes`, `_layouts` and `assets` folders for its fallbacks. Checking
 * the path as written let a symlink in `_includes/` publish /etc/passwd; the real path is what counts.
 */
export interface Bound {
  /** The folder, absolute. */
  dir: string;
  /** How messages name it: "the source tree". */
  name: string;
  /** Paths in diagnostics are shown relative to this folder (the source tree). */
  displayBase: string;
}

export function sourceBound(sourceDir: string): Bound {
  return { dir: sourceDir, name: "the source tree", displayBase: sourceDir };
}

/** The bound of a lookup folder (src/paths.ts): the tree for the tree's own folders, the folder itself for ours. */
export function boundOf(dir: string, sourceDir: string): Bound {
  if (isInside(sourceDir, dir)) return sourceBound(sourceDir);
  return { dir, name: `the generator's ${path.basename(dir)} folder`, displayBase: sourceDir };
}

/** True when `target` is `root` or lies below it (paths as given; no symlink is followed). */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/**
 * The real path of `file`, or undefined when nothing is there. Throws a DiagnosticError naming the link and its
 * target when the real path leaves `bound`, or when `file` is a symlink to nothing or to itself.
 */
export function realPathInside(file: string, bound: Bound): string | undefined {
  let real: string;
  try {
    real = fs.realpathSync.native(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") {
      throw linkError(bound, file, "symlink-loop", `${show(bound, file)} is a symlink that leads back to itself`, LOOP_HINT);
    }
    // A path longer than the system allows names nothing that can be read (a folder's data file in a very deep
    // folder): there is no file there as far as the build can tell; the folder's listing reports what it cannot read.
    if (code !== "ENOENT" && code !== "ENOTDIR" && code !== "ENAMETOOLONG") throw error;
    const target = linkTarget(file);
    if (target === undefined) return undefined;
    throw linkError(
      bound,
      file,
      "symlink-broken",
      `${show(bound, file)} is a symlink to ${target}, which does not exist`,
      "Point the symlink at an existing file inside the tree, or delete it.",
    );
  }
  if (isInside(realRoot(bound.dir), real)) return real;
  throw linkError(
    bound,
    file,
    "symlink-outside-tree",
    `${show(bound, file)} leads to ${real}, outside ${bound.name}; it is neither read nor published`,
    `Replace the symlink with a copy of the file (or move the file into ${bound.name}).`,
  );
}

/**
 * `realPathInside` for one file: undefined when there is no file there (a folder is none). With `report`, a bad
 * link is reported and counts as no file; without, it throws.
 */
export function fileInside(file: string, bound: Bound, report?: (diagnostic: Diagnostic) => void): string | undefined {
  if (nothingAt(file)) return undefined;
  const real = report ? checked(file, bound, report) : realPathInside(file, bound);
  return real !== undefined && fs.statSync(real).isFile() ? real : undefined;
}

/**
 * True when not even a link is at `file`. Most lookups (each folder's data file, under three names) find nothing,
 * which one lstat tells; realpath and readlink would each take several system calls and throw an error to say so.
 * Anything else (a link, broken or looping ones included, or a path lstat cannot read) goes through
 * `realPathInside`, which says what is wrong with it.
 */
function nothingAt(file: string): boolean {
  try {
    return fs.lstatSync(file, { throwIfNoEntry: false }) === undefined;
  } catch {
    return false;
  }
}

/** A file found below a folder: its path as written relative to that folder ("/"-separated), and its real path. */
export interface FoundFile {
  rel: string;
  real: string;
}

/**
 * Every file below `dir`, in name order per folder, following symlinks (to files and folders) that stay inside
 * `bound`. A link that leads outside, nowhere, or back into a folder that contains it is reported and skipped,
 * never followed: a looping folder link would otherwise list files forever. Entries `ignore` accepts (by name,
 * path below `dir`, and whether they are a folder, a linked one included) are skipped before anything is checked.
 */
export function filesInside(
  dir: string,
  bound: Bound,
  report: (diagnostic: Diagnostic) => void,
  ignore: (name: string, rel: string, isFolder: boolean) => boolean = () => false,
): FoundFile[] {
  const found: FoundFile[] = [];
  // A link reached again through a linked folder is the same mistake: reported once, where it was first met.
  const reported = new Set<string>();
  const walk = (folder: string, realFolder: string, prefix: string, ancestors: Set<string>): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch (error) {
      // A folder the build may not read (its permissions, a path too long) is reported, not a crash of the build.
      const code = (error as NodeJS.ErrnoException).code;
      // A name that is not UTF-8 comes back from the listing with U+FFFD in it, and names nothing then.
      const badName = code === "ENOENT" && path.basename(folder).includes("\uFFFD");
      if (badName || (code !== "ENOENT" && code !== "ENOTDIR")) report(folderUnreadable(bound, folder, badName ? "NOT-UTF-8" : (code ?? String(error))));
      return;
    }
    for (const entry of entries) {
      const named = path.join(folder, entry.name);
      if (ignore(entry.name, prefix + entry.name, entry.isDirectory() || (entry.isSymbolicLink() && isFolderLink(named)))) continue;
      let real = path.join(realFolder, entry.name);
      let kind: "file" | "folder" | undefined = entry.isFile() ? "file" : entry.isDirectory() ? "folder" : undefined;
      if (entry.isSymbolicLink()) {
        const reportOnce = (diagnostic: Diagnostic) => {
          if (!reported.has(real)) report(diagnostic);
          reported.add(real);
        };
        const target = checked(named, bound, reportOnce);
        if (target === undefined) continue;
        // Gone since it was resolved (a checkout under way): as if it had not been listed.
        const stats = fs.statSync(target, { throwIfNoEntry: false });
        if (stats === undefined) continue;
        kind = stats.isFile() ? "file" : stats.isDirectory() ? "folder" : undefined;
        // Back into the folder being listed, or one it was reached through: following it would never end.
        if (kind === "folder" && (isInside(target, realFolder) || ancestors.has(target))) {
          reportOnce(folderLoop(bound, named));
          continue;
        }
        real = target;
      }
      if (kind === "file") found.push({ rel: prefix + entry.name, real });
      if (kind === "folder") {
        ancestors.add(real);
        walk(named, real, `${prefix}${entry.name}/`, ancestors);
        ancestors.delete(real);
      }
    }
  };
  const realDir = checked(dir, bound, report);
  if (realDir !== undefined && fs.statSync(realDir).isDirectory()) walk(dir, realDir, "", new Set([realDir]));
  return found;
}

/** A symlink that leads to a folder (a broken or looping one is no folder: it is reported once listed). */
function isFolderLink(link: string): boolean {
  try {
    return fs.statSync(link).isDirectory();
  } catch {
    return false;
  }
}

const LOOP_HINT = "Delete the symlink, or point it at a file or folder that does not lead back to it.";

/** `realPathInside`, with a bad link reported and counted as nothing there. */
function checked(file: string, bound: Bound, report: (diagnostic: Diagnostic) => void): string | undefined {
  try {
    return realPathInside(file, bound);
  } catch (error) {
    if (!(error instanceof DiagnosticError)) throw error;
    report(error.diagnostic);
    return undefined;
  }
}

function folderUnreadable(bound: Bound, folder: string, code: string): Diagnostic {
  return {
    file: show(bound, folder),
    severity: "error",
    code: "folder-unreadable",
    message:
      code === "NOT-UTF-8"
        ? `The folder ${show(bound, folder)} has a name that is not UTF-8 (shown with \uFFFD), so none of its files can be read or published`
        : `The folder ${show(bound, folder)} cannot be read (${code}), so none of its files is published`,
    hint:
      code === "ENAMETOOLONG"
        ? "Shorten the names of the folders on its path."
        : code === "NOT-UTF-8"
          ? "Rename the folder in UTF-8 (convmv -f latin1 -t utf8 --notest, or rename it by hand)."
          : "Give the folder read and search permission (chmod u+rx), or leave it out with exclude: in _config.yml.",
  };
}

function folderLoop(bound: Bound, link: string): Diagnostic {
  return {
    file: show(bound, link),
    severity: "error",
    code: "symlink-loop",
    message: `${show(bound, link)} is a symlink to ${linkTarget(link)}, which leads back to ${show(bound, link)}: its files would repeat forever`,
    hint: LOOP_HINT,
  };
}

function linkError(bound: Bound, file: string, code: string, message: string, hint: string): DiagnosticError {
  return new DiagnosticError({ file: show(bound, file), severity: "error", code, message, hint });
}

/** What a symlink says it points at, as written; undefined when `file` is no symlink. */
export function linkTarget(file: string): string | undefined {
  try {
    return fs.readlinkSync(file);
  } catch {
    return undefined;
  }
}

function realRoot(dir: string): string {
  try {
    return fs.realpathSync.native(dir);
  } catch {
    return path.resolve(dir);
  }
}

/** A path as diagnostics print it: relative to the source tree, or absolute outside it. */
function show(bound: Bound, file: string): string {
  return isInside(bound.displayBase, file) ? path.relative(bound.displayBase, file).split(path.sep).join("/") : file;
}
