import fs from "node:fs";
import path from "node:path";
import { GENERATOR_ROOT } from "../paths.ts";

/** A file copied to the site unchanged. */
export interface StaticFile {
  from: string;
  /** Relative to the output folder. */
  to: string;
}

/** Our assets, then the tree's own (which win on a clash), then non-Markdown files under docs/. */
export function staticFiles(sourceDir: string, docsFiles: readonly string[]): StaticFile[] {
  const byTarget = new Map<string, string>();
  for (const root of [GENERATOR_ROOT, sourceDir]) {
    for (const rel of listAssets(path.join(root, "assets"))) byTarget.set(`assets/${rel}`, path.join(root, "assets", rel));
  }
  for (const rel of docsFiles) byTarget.set(rel, path.join(sourceDir, rel));
  return [...byTarget.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([to, from]) => ({ from, to }));
}

function listAssets(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}
