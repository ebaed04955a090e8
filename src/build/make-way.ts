import fs from "node:fs";
import path from "node:path";

/**
 * Removes what stands in the way of writing the file `target` below `root`: a folder where the file goes, or a
 * file where one of its folders goes. The live preview writes into the same output folder while the tree changes,
 * so a folder of pages replaced by a file of that name (or the other way round) left the old output in the way,
 * and writing the new one threw. Returns what it removed, relative to `root`.
 */
export function makeWay(root: string, target: string): string[] {
  const rel = path.relative(root, target);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return [];
  const removed: string[] = [];
  const parts = rel.split(path.sep);
  for (let i = 1; i <= parts.length; i++) {
    const at = path.join(root, ...parts.slice(0, i));
    const stat = fs.lstatSync(at, { throwIfNoEntry: false });
    if (!stat) break;
    const isFile = i === parts.length;
    if (isFile ? !stat.isDirectory() : stat.isDirectory()) continue;
    fs.rmSync(at, { recursive: true, force: true });
    removed.push(parts.slice(0, i).join("/"));
    break;
  }
  return removed;
}

/** True for the errors a write gets when a file or folder of another kind is in its way. */
export function isInTheWay(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "EISDIR" || code === "EEXIST" || code === "ENOTDIR";
}
