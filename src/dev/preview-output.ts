// Where the live preview writes its pages. Never `_site/`: that folder changes only when `npm run build` succeeds.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { otherProcessRunning } from "../build/other-process.ts";
import { checkOutputDir, markOutputDir, OUTPUT_MARKER, realPathOf } from "../build/output-guard.ts";

export interface PreviewOutput {
  dir: string;
  /** True for the preview's own folder, deleted when the preview stops. */
  temporary: boolean;
}

/**
 * The folder for one preview run. By default a fresh folder under the OS temp folder rather than a fixed
 * `.cache/preview/<hash>`: each run starts empty, so a page deleted since the last run is never served stale, and
 * two previews of the same tree (or a restart overlapping the old process's exit) never write into each other's
 * files. `--out` is allowed under the build's own guard (and never a `_site/`, the build's), and marked so that the
 * next build or preview may reuse it.
 * Returns an error message instead when `out` is refused; nothing is created then.
 */
export function previewOutput(out: string | undefined, sourceDir: string): PreviewOutput | { error: string } {
  if (out === undefined) {
    removeLeftFolders();
    return { dir: fs.mkdtempSync(path.join(os.tmpdir(), `${TEMPORARY_PREFIX}${process.pid}-`)), temporary: true };
  }
  const dir = path.resolve(out);
  const problem = checkOutputDir(dir, sourceDir) ?? buildOutputProblem(dir, sourceDir, out);
  if (problem) return { error: problem };
  try {
    fs.mkdirSync(dir, { recursive: true });
    // What an earlier run wrote there would be served as if current (a page since deleted, or since broken, whose
    // error page would not replace it): the run starts empty, as in its own folder. The guard above let only an
    // empty folder or one of ours through.
    for (const name of fs.readdirSync(dir)) if (name !== OUTPUT_MARKER) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    markOutputDir(dir);
  } catch (error) {
    return { error: `--out ${JSON.stringify(out)} cannot be made: ${(error as Error).message}` };
  }
  return { dir, temporary: false };
}

/** The name of a preview's own folder starts so, then the id of its process. */
const TEMPORARY_PREFIX = "element-guides-preview-";
const TEMPORARY_FOLDER = new RegExp(`^${TEMPORARY_PREFIX}(\\d+)-[A-Za-z0-9]{6}$`);

/**
 * Removes the folders of previews that were killed (kill -9, a closed terminal) before they could remove their own:
 * each named with the id of its process, which runs no more.
 */
function removeLeftFolders(): void {
  try {
    for (const name of fs.readdirSync(os.tmpdir())) {
      const pid = TEMPORARY_FOLDER.exec(name)?.[1];
      if (pid !== undefined && !otherProcessRunning(Number(pid))) fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
    }
  } catch {
    // A temp folder that cannot be listed or a leftover that cannot be removed costs disk space, not the preview.
  }
}

export function removePreviewOutput(output: PreviewOutput): void {
  if (output.temporary) fs.rmSync(output.dir, { recursive: true, force: true });
}

/**
 * The build's guard allows `<source>/_site` and `./_site`, the build's default output; the preview must leave them,
 * and any other `_site/` (a build's by Jekyll's convention), alone.
 */
function buildOutputProblem(dir: string, sourceDir: string, shown: string): string | undefined {
  // Real paths: a symlink to the tree's _site/ is that folder.
  const real = realPathOf(dir);
  const inside = (site: string) => {
    const rel = path.relative(realPathOf(site), real);
    return !rel.startsWith("..") && !path.isAbsolute(rel);
  };
  if (!inside(path.join(sourceDir, "_site")) && !inside("_site") && path.basename(real) !== "_site") return undefined;
  return `--out ${JSON.stringify(shown)} is the build's _site/ folder, which only a successful \`npm run build\` changes.`;
}
