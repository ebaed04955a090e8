import path from "node:path";
import { GENERATOR_ROOT } from "../paths.ts";

const TREE = "tree:";
const GENERATOR = "generator:";

/**
 * A file a page pulled in, as a shard hands it to the merge: relative to the source tree or to the generator, which
 * each job of a CI matrix may check out at another path (absolute paths made the merge warn about fragments no page
 * included, and keys no template read, once the tree had moved).
 */
export function portablePath(file: string, sourceDir: string): string {
  for (const [prefix, root] of [
    [TREE, sourceDir],
    [GENERATOR, GENERATOR_ROOT],
  ] as const) {
    const relative = path.relative(path.resolve(root), file);
    if (relative && !relative.startsWith("..") && !path.isAbsolute(relative)) return prefix + relative.split(path.sep).join("/");
  }
  return file;
}

/** The file `portablePath` stands for, in this checkout. */
export function localPath(portable: string, sourceDir: string): string {
  if (portable.startsWith(TREE)) return path.resolve(sourceDir, portable.slice(TREE.length));
  if (portable.startsWith(GENERATOR)) return path.resolve(GENERATOR_ROOT, portable.slice(GENERATOR.length));
  return portable;
}
