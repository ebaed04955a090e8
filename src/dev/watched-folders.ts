import fs from "node:fs";
import path from "node:path";
import { isInside } from "../content/inside-tree.ts";
import { GENERATOR_ROOT } from "../paths.ts";

/** The source tree, and our theme's folders when the tree is not this repository (its own layouts win). */
export function watchedFolders(sourceDir: string): string[] {
  const theme = path.resolve(sourceDir) === GENERATOR_ROOT ? [] : ["_layouts", "_includes", "assets"].map((dir) => path.join(GENERATOR_ROOT, dir));
  return [sourceDir, ...theme];
}

/**
 * Folders no page comes from, each with many files that would only slow the watcher down: version control,
 * packages, caches, and the output folders of builds and previews (`_site`, `_site.tmp-123`).
 */
const NEVER_CONTENT = /^(?:\.git|node_modules|\.cache|\.jekyll-cache|\.sass-cache|_site(?:\..*)?)$/;

/**
 * What editors write beside the file being edited, often every few seconds: vim's swap files, Emacs' locks and
 * autosaves, backups (`~`), JetBrains' safe-write copies. None is content, wherever it is.
 */
const EDITOR_LEFTOVER = /^(?:\..*\.sw[a-px]|\.#.*|#.*#|.*~|.*___jb_(?:tmp|old)___)$/;
/** vim's probe, made and deleted at once: a file of that name, never a folder of the site's. */
const VIM_PROBE = "4913";

/** True for a file or folder of the tree the watcher should leave alone, this preview's own output included. */
export function ignoredByWatcher(file: string, folders: { sourceDir: string; outputDir: string }): boolean {
  const name = path.basename(file);
  if (isInside(folders.outputDir, file) || EDITOR_LEFTOVER.test(name)) return true;
  if (name === VIM_PROBE && !fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) return true;
  const root = isInside(folders.sourceDir, file) ? folders.sourceDir : GENERATOR_ROOT;
  return path.relative(root, file).split(path.sep).some((part) => NEVER_CONTENT.test(part));
}
