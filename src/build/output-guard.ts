import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { GENERATOR_ROOT } from "../paths.ts";

/**
 * Every build replaces its output folder whole, so the folder must be ours alone: `--out .` once deleted the
 * writer's source tree with its `.git`. A folder a build made carries this marker; any other non-empty folder is
 * refused rather than replaced.
 */
export const OUTPUT_MARKER = ".element-guides-output";

const MARKER_TEXT = "Written by Element Guides. Each build replaces this folder whole: keep nothing else in it.\n";

/** Folders inside the source tree that a build or the preview may write into. */
const WRITABLE_INSIDE_SOURCE = ["_site", ".cache"];

/** Why `outDir` must not be written, or undefined when it is safe to replace. */
export function checkOutputDir(outDir: string, sourceDir: string): string | undefined {
  const shown = JSON.stringify(outDir);
  // Found before rendering: the site could not be put in its place, and only the last step would say so.
  if (isBrokenLink(outDir)) return `--out ${shown} is a symbolic link that leads to no folder (its target is missing, or links loop).`;
  const out = realPathOf(outDir);
  if (out === path.parse(out).root) return `--out ${shown} is the filesystem root.`;
  if (out === realPathOf(os.homedir())) return `--out ${shown} is your home folder.`;
  for (const [tree, name] of [
    [realPathOf(sourceDir), "the source folder"],
    [realPathOf(GENERATOR_ROOT), "the generator's folder"],
  ] as const) {
    if (out === tree) return `--out ${shown} is ${name}: the build would replace your files.`;
    if (isInside(out, tree)) return `--out ${shown} contains ${name}: the build would replace it.`;
    if (isInside(tree, out) && !WRITABLE_INSIDE_SOURCE.some((folder) => isInsideOrSame(path.join(tree, folder), out))) {
      return `--out ${shown} is inside ${name}, where only _site/ is the build's own.`;
    }
  }
  if (fs.existsSync(out)) {
    if (!fs.statSync(out).isDirectory()) return `--out ${shown} is a file, not a folder.`;
    const entries = fs.readdirSync(out);
    if (entries.includes(".git")) return `--out ${shown} is a git repository: the build would delete its history.`;
    // A tree's own _site/ is build output by Jekyll's convention too, so one that Jekyll wrote may be replaced.
    const treeSite = path.join(realPathOf(sourceDir), "_site");
    if (entries.length > 0 && !fs.existsSync(path.join(out, OUTPUT_MARKER)) && out !== treeSite) {
      return `--out ${shown} already holds files that no Element Guides build wrote: the build would delete them.`;
    }
  }
  return undefined;
}

/** Whether `p` is a symbolic link that cannot be followed to anything. */
function isBrokenLink(p: string): boolean {
  try {
    if (!fs.lstatSync(p).isSymbolicLink()) return false;
  } catch {
    return false; // nothing there: a new folder
  }
  try {
    fs.realpathSync(p);
    return false;
  } catch {
    return true;
  }
}

/**
 * The folder a site given as `--out` goes into: the one a symbolic link leads to (`public -> /var/www/docs`), so
 * that the link stays and its target gets the site, rather than the link being swapped for a folder. Call it after
 * `checkOutputDir`, which refuses a link that leads nowhere.
 */
export function outputFolder(outDir: string): string {
  try {
    return fs.lstatSync(outDir).isSymbolicLink() ? fs.realpathSync(outDir) : outDir;
  } catch {
    return outDir;
  }
}

/**
 * Why `--timings FILE` must not be written, or undefined: it may not be a file of the source tree (a page, the
 * configuration) nor of the site, which the build replaces.
 */
export function checkTimingsFile(file: string, sourceDir: string, outDir: string): string | undefined {
  const target = realPathOf(file);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) return `--timings ${JSON.stringify(file)} is a folder, not a file.`;
  if (isInsideOrSame(realPathOf(outDir), target)) return `--timings ${JSON.stringify(file)} is inside --out, which the build replaces.`;
  if (isInside(realPathOf(sourceDir), target)) return `--timings ${JSON.stringify(file)} is inside the source folder: it would overwrite a file of your content.`;
  // Written once the site is in place: a folder that is not there would fail the build after it replaced the site.
  const folder = path.dirname(target);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) return `--timings ${JSON.stringify(file)} is in a folder that does not exist.`;
  return undefined;
}

/** The hint printed under a refusal. */
export const OUTPUT_HINT = "Choose an empty or new folder for --out (the default is _site/ in the current folder).";

/** Marks a folder that a build wrote, so that the next build may replace it. */
export function markOutputDir(dir: string): void {
  fs.writeFileSync(path.join(dir, OUTPUT_MARKER), MARKER_TEXT);
}

/** The real path, following symlinks, of a path whose tail may not exist yet. */
export function realPathOf(p: string): string {
  const absolute = path.resolve(p);
  const missing: string[] = [];
  for (let dir = absolute; ; dir = path.dirname(dir)) {
    try {
      return path.join(fs.realpathSync(dir), ...missing.reverse());
    } catch {
      if (path.dirname(dir) === dir) return absolute;
      missing.push(path.basename(dir));
    }
  }
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}

function isInsideOrSame(parent: string, child: string): boolean {
  return parent === child || isInside(parent, child);
}
