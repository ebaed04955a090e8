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
 * Our assets, then the tree's own (which win on a clash), then non-Markdown files under docs/ (which
 * src/content/load-pages.ts has checked). An asset symlinked out of its folder is reported and never copied.
 */
export function staticFiles(sourceDir: string, docsFiles: readonly string[], diagnostics: DiagnosticList): StaticFile[] {
  const byTarget = new Map<string, string>();
  for (const root of [GENERATOR_ROOT, sourceDir]) {
    const assets = path.join(root, "assets");
    for (const { rel } of filesInside(assets, boundOf(assets, sourceDir), (d) => diagnostics.add(d))) {
      byTarget.set(`assets/${rel}`, path.join(assets, rel));
    }
  }
  for (const rel of docsFiles) byTarget.set(rel, path.join(sourceDir, rel));
  return [...byTarget.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([to, from]) => ({ from, to }));
}
