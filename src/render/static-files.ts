import path from "node:path";
import { boundOf, filesInside } from "../content/inside-tree.ts";
import type { DiagnosticList } from "../diagnostics/diagnostic.ts";
import { GENERATOR_ROOT } from "../paths.ts";

/** A file copied to the site unchanged. */
export interface StaticFile {
  from: string;
  /** Relative to the output folder. */
  to: string;
}

/**
 * Our theme's assets, then the tree's static files (which win on a clash): every file outside `_` and `.` folders
 * that is neither a page nor a fragment, as src/content/load-pages.ts found and checked them. An asset of ours
 * symlinked out of its folder is reported and never copied.
 */
export function staticFiles(sourceDir: string, treeFiles: readonly string[], diagnostics: DiagnosticList): StaticFile[] {
  const byTarget = new Map<string, string>();
  const assets = path.join(GENERATOR_ROOT, "assets");
  for (const { rel } of filesInside(assets, boundOf(assets, sourceDir), (d) => diagnostics.add(d))) {
    byTarget.set(`assets/${rel}`, path.join(assets, rel));
  }
  for (const rel of treeFiles) byTarget.set(rel, path.join(sourceDir, rel));
  return [...byTarget.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([to, from]) => ({ from, to }));
}
