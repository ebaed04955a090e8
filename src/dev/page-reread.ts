import { DirectoryData } from "../content/directory-data.ts";
import { readPage } from "../content/load-pages.ts";
import type { SourcePage } from "../content/source-page.ts";
import { templatePage } from "../content/template-page.ts";
import { DiagnosticError, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { PreviewSite } from "./preview-site.ts";

/**
 * A saved page read again by the loader (src/content/load-pages.ts):
 * - `page`: only its text changed, so it alone renders again;
 * - `unreadable`: its front matter (or encoding) is broken: it shows an error page until fixed;
 * - `reload`: its front matter changed, which may move it, or change the sidebar, catalog or `site.pages`.
 */
export type Reread = { kind: "page"; loaded: SourcePage; page: SourcePage } | { kind: "unreadable"; problem: Diagnostic } | { kind: "reload" };

export function rereadPage(site: PreviewSite, file: string): Reread {
  const before = site.build.sourcePages.get(file);
  const rendered = before && site.byOutput.get(before.outputPath);
  // A post's neighbours and a paginated index's posts come from the whole tree: load it again.
  if (!before || !rendered || rendered.globals || rendered.derived || site.loaded.content.posts.includes(before)) return { kind: "reload" };
  let read: ReturnType<typeof readPage>;
  try {
    read = readPage(site.sourceDir, file, false, new DirectoryData(site.sourceDir), site.loaded.settings, site.parsedFiles);
  } catch (error) {
    if (error instanceof DiagnosticError) return { kind: "unreadable", problem: error.diagnostic };
    throw error;
  }
  // No front matter any more (a fragment now), or unpublished, or moved or renamed: other pages change too.
  if (typeof read === "string" || JSON.stringify(read.page.data) !== JSON.stringify(before.data)) return { kind: "reload" };
  return { kind: "page", loaded: read.page, page: templatePage(read.page) };
}

/** Puts a re-read page in the place of its earlier self, so that every later render and check sees it. */
export function replacePage(site: PreviewSite, reread: { loaded: SourcePage; page: SourcePage }): void {
  const before = site.build.sourcePages.get(reread.loaded.file)!;
  const rendered = site.byOutput.get(before.outputPath)!;
  site.build.sourcePages.set(reread.loaded.file, reread.loaded);
  site.loaded.pages[site.loaded.pages.indexOf(before)] = reread.loaded;
  site.pages[site.pages.indexOf(rendered)] = reread.page;
  site.byOutput.set(reread.page.outputPath, reread.page);
}
