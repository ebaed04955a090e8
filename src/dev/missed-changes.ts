import path from "node:path";
import { listFiles } from "../content/load-pages.ts";
import { DiagnosticList } from "../diagnostics/diagnostic.ts";
import type { PreviewSite } from "./preview-site.ts";

/**
 * The files of the tree changed, added or deleted since it was read, as absolute paths: what a load of the tree would
 * see that the watcher may not have said (a site made again from the tree as read reads nothing, see
 * src/dev/preview-site.ts). Pages are known changed by their stamps (src/content/parsed-files.ts), other files only
 * when they came or went. About 40 ms on 1,500 pages, after the browsers were told.
 */
export function missedChanges(site: PreviewSite): string[] {
  const missed = new Set(site.parsedFiles.changed(site.sourceDir));
  const before = site.loaded.tree.content.listed;
  const now = listFiles(site.sourceDir, site.loaded.tree.settings, new DiagnosticList());
  const listedBefore = new Set(before);
  const listedNow = new Set(now);
  for (const file of before) if (!listedNow.has(file)) missed.add(path.join(site.sourceDir, file));
  for (const file of now) if (!listedBefore.has(file)) missed.add(path.join(site.sourceDir, file));
  return [...missed];
}
