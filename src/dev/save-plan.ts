import fs from "node:fs";
import path from "node:path";
import { collectionOf } from "../content/collections.ts";
import { isDirectoryDataFile } from "../content/directory-data.ts";
import { isExcluded, skipsEntry, type EntryRules } from "../content/entry-filter.ts";
import { startsWithFrontMatter } from "../content/load-pages.ts";
import { GENERATOR_ROOT, lookupDirs } from "../paths.ts";
import type { PreviewSite } from "./preview-site.ts";

/**
 * What a batch of saved files means for the preview:
 * - `pages`: re-read the saved pages (`reread`), re-render the pages that use a saved include (`partials`), copy
 *   the saved static files (`copy`); with `renderer`, a layout (or an include that was deleted) changed too: a
 *   fresh renderer, every page re-rendered;
 * - `reload`: the tree itself changed (its config, data, plugins, or which files it has): load it again.
 */
export type SavePlan =
  | { kind: "reload"; because: string }
  | { kind: "pages"; reread: Set<string>; partials: Set<string>; copy: Set<string>; renderer?: string };

/** Folders whose files are the tree's settings: a change there may change every page, or which pages exist. */
const SITE_FILES = /^(?:_config\.yml$|_data\/|_plugins\/)/;

/** Classifies the saved (or deleted) files, given as absolute paths. */
export function planSave(site: PreviewSite, saved: readonly string[]): SavePlan {
  const plan: SavePlan & { kind: "pages" } = { kind: "pages", reread: new Set(), partials: new Set(), copy: new Set() };
  const layoutDirs = lookupDirs(site.sourceDir, "_layouts");
  const includeDirs = lookupDirs(site.sourceDir, "_includes");
  const ourAssets = path.join(GENERATOR_ROOT, "assets");
  for (const abs of saved) {
    const exists = fs.existsSync(abs);
    // The batch's other files are applied too (a checkout changes layouts and pages at once).
    if (layoutDirs.some((dir) => isUnder(abs, dir))) {
      plan.renderer ??= abs;
      continue;
    }
    if (includeDirs.some((dir) => isUnder(abs, dir))) {
      // A deleted include stays known to the renderer's lookup: a fresh renderer forgets it.
      if (exists) plan.partials.add(abs);
      else plan.renderer ??= abs;
      continue;
    }
    if (isUnder(abs, ourAssets) && !isUnder(abs, site.sourceDir)) {
      plan.copy.add(abs);
      continue;
    }
    const rel = path.relative(site.sourceDir, abs).split(path.sep).join("/");
    if (rel.startsWith("../") || path.isAbsolute(rel)) continue; // the generator's own files other than its theme
    if (SITE_FILES.test(rel) || isDirectoryDataFile(rel)) return { kind: "reload", because: rel };
    // A collection's document is listed in site.<label> on other pages too.
    if (collectionOf(rel, site.loaded.tree.settings.collections)) return { kind: "reload", because: rel };
    const page = site.build.sourcePages.get(rel);
    const known = site.knownFiles.has(rel) && !(page && !path.isAbsolute(page.absPath)); // not a generated page
    if (!known) {
      // A new file the tree publishes (or a generated page's file, written at last); others (a swap file) are no news.
      if (exists && !skippedByJekyll(rel, site.loaded.tree.settings.rules)) return { kind: "reload", because: rel };
      continue;
    }
    if (!exists) return { kind: "reload", because: rel };
    // A file that was no page (saved empty a moment ago, or new and empty) is one once it has front matter.
    if (!page && !site.unloaded.includes(rel) && mayBeAPageNow(abs)) return { kind: "reload", because: rel };
    if (page || site.unloaded.includes(rel)) plan.reread.add(rel);
    else if (site.loaded.tree.content.fragments.includes(rel)) plan.partials.add(abs);
    else if (site.loaded.tree.content.staticFiles.includes(rel)) plan.copy.add(abs);
    else return { kind: "reload", because: rel }; // an unpublished page: it may be published now
  }
  return plan;
}

/** Whether a file that was no page starts with front matter now; true too when it is gone again, to read the tree anew. */
function mayBeAPageNow(abs: string): boolean {
  try {
    return fs.statSync(abs).isFile() && startsWithFrontMatter(abs);
  } catch {
    return true;
  }
}

function isUnder(file: string, dir: string): boolean {
  return file.startsWith(dir + path.sep);
}

/** True when Jekyll would not read `rel` (it, or a folder above it, is excluded or starts with `_` or `.`). */
function skippedByJekyll(rel: string, rules: EntryRules): boolean {
  const parts = rel.split("/");
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join("/");
    const isFolder = i < parts.length;
    // Jekyll reads the `_posts` folder of every folder it reads; only `exclude:` keeps one out.
    const skipped = isFolder && parts[i - 1] === "_posts" ? isExcluded(rules, prefix, true) : skipsEntry(rules, prefix, isFolder);
    if (skipped) return true;
  }
  return false;
}
