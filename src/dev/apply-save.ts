import { copyStaticFiles } from "../build/copy-static-files.ts";
import { PartialCache } from "../liquid/partial-files.ts";
import { createRenderer } from "../render/create-renderer.ts";
import type { StaticFile } from "../render/static-files.ts";
import { replaceInTree, replacePage, rereadPage } from "./page-reread.ts";
import type { PageStates } from "./page-states.ts";
import type { PreviewSite } from "./preview-site.ts";
import { planSave } from "./save-plan.ts";

/**
 * What a save did to the loaded tree: nothing (an editor's swap file, a file the site does not use), re-render the
 * stale pages (`remake`: every page, the site made again from the tree as read, as a page's front matter changed),
 * or load the tree again.
 */
export type SaveOutcome = "unchanged" | "reload" | { copied: string[]; layouts: boolean; remake?: boolean };

/**
 * Applies saved files (absolute paths) to the loaded tree (src/dev/save-plan.ts): re-reads saved pages, marks the
 * pages they change stale, makes a fresh renderer for a layout, copies static files into `outputDir`. Returns
 * "reload" when the tree must be loaded again instead.
 */
export async function applySave(
  site: PreviewSite,
  pages: PageStates,
  files: readonly string[],
  copyTo: { outputDir: string; staticFiles: readonly StaticFile[] },
): Promise<SaveOutcome> {
  const plan = planSave(site, files);
  if (plan.kind === "reload") return "reload";
  if (!plan.renderer && !plan.reread.size && !plan.partials.size && !plan.copy.size) return "unchanged";
  if (plan.renderer) {
    site.renderer = await createRenderer(site.sourceDir, site.build.site, site.loaded.model, [], site.highlighter);
    pages.markAllStale();
  }
  let remake = false;
  for (const file of plan.reread) {
    const reread = rereadPage(site, file);
    if (reread.kind === "reload") return "reload";
    if (reread.kind === "unreadable") pages.unreadable.set(file, reread.problem);
    else {
      pages.unreadable.delete(file);
      if (reread.kind === "page") replacePage(site, reread);
      else {
        replaceInTree(site, reread.loaded);
        remake = true;
      }
    }
    pages.markStale(site.build.sourcePages.get(file)!.outputPath);
  }
  if (plan.partials.size && !plan.renderer) {
    // A fresh parse cache, so that the saved includes are read again.
    site.renderer = { ...site.renderer, partials: new PartialCache(site.renderer.liquid) };
    pages.markUsersOf(plan.partials);
  }
  // A page whose front matter broke is no page of the tree any more (its error page aside): the tree as read still
  // holds its last good self, which a site made from it would list in sidebars and the catalog.
  if (remake && pages.unreadable.size) return "reload";
  const copy = copyTo.staticFiles.filter((file) => plan.copy.has(file.from));
  await copyStaticFiles(copy, copyTo.outputDir);
  return { copied: copy.map((file) => file.to), layouts: plan.renderer !== undefined, remake };
}
