import path from "node:path";

/** The generator's own folder: its `_layouts`, `_includes` and `assets` serve every source tree. */
export const GENERATOR_ROOT = path.resolve(import.meta.dirname, "..");

/** Our `_includes`/`_layouts` after the source tree's own, without listing one folder twice. */
export function lookupDirs(sourceDir: string, folder: string): string[] {
  const dirs = [path.join(sourceDir, folder), path.join(GENERATOR_ROOT, folder)].map((d) => path.resolve(d));
  return [...new Set(dirs)];
}
