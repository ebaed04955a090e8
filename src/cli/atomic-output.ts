import fs from "node:fs";
import path from "node:path";

/**
 * The site is written into a fresh folder beside the output and swapped in only after it is complete,
 * so a failed or killed build leaves the previous site as it was.
 */
export function stagingDirFor(outDir: string): string {
  removeLeftovers(outDir);
  const staging = `${outDir}.tmp-${process.pid}`;
  fs.mkdirSync(path.dirname(staging), { recursive: true });
  // Not recursive: a recursive mkdir reports a read-only disk as ENOENT.
  fs.mkdirSync(staging);
  return staging;
}

/** Replaces `outDir` by `stagingDir` with two renames; the old site is deleted only afterwards. */
export function swapIn(stagingDir: string, outDir: string): void {
  const retired = `${outDir}.old-${process.pid}`;
  const hadOld = fs.existsSync(outDir);
  if (hadOld) fs.renameSync(outDir, retired);
  try {
    fs.renameSync(stagingDir, outDir);
  } catch (error) {
    // Put the last good site back before reporting.
    if (hadOld) fs.renameSync(retired, outDir);
    throw error;
  }
  if (hadOld) fs.rmSync(retired, { recursive: true, force: true });
}

export function discard(stagingDir: string): void {
  fs.rmSync(stagingDir, { recursive: true, force: true });
}

/** Staging folders of builds that were killed before they could clean up. */
function removeLeftovers(outDir: string): void {
  const parent = path.dirname(outDir);
  if (!fs.existsSync(parent)) return;
  const prefix = `${path.basename(outDir)}.`;
  for (const name of fs.readdirSync(parent)) {
    if (name.startsWith(prefix) && /\.(tmp|old)-\d+$/.test(name)) {
      fs.rmSync(path.join(parent, name), { recursive: true, force: true });
    }
  }
}
