import fs from "node:fs";
import path from "node:path";

/**
 * The generator's own folder: its `_layouts`, `_includes` and `assets` serve every source tree.
 * Found by walking up, because this module runs both from src/ and from a bundle under .cache/.
 */
export const GENERATOR_ROOT = findGeneratorRoot(import.meta.dirname);

function findGeneratorRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "_layouts"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`Cannot find the generator's folder above ${start}`);
  }
}

/** Our `_includes`/`_layouts` after the source tree's own, without listing one folder twice. */
export function lookupDirs(sourceDir: string, folder: string): string[] {
  const dirs = [path.join(sourceDir, folder), path.join(GENERATOR_ROOT, folder)].map((d) => path.resolve(d));
  return [...new Set(dirs)];
}

/** True when this code runs from the esbuild bundle rather than from TypeScript sources through tsx. */
export const RUNNING_BUNDLED = !import.meta.url.endsWith(".ts");
