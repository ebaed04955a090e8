import { DirectoryData } from "../content/directory-data.ts";
import { readPage } from "../content/load-pages.ts";
import type { SourcePage } from "../content/source-page.ts";
import { templatePage } from "../content/template-page.ts";
import { DiagnosticError, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { PreviewSite } from "./preview-site.ts";

/**
 * A saved page read again by the loader (src/content/load-pages.ts):
 * - `page`: only its text changed, so it alone renders again;
 * - `frontMatter`: its front matter changed, which may change the sidebar, the catalog or `site.pages`, but not
 *   where it goes: the site is made again from the tree as read, with this page in it (src/dev/preview-site.ts);
 * - `unreadable`: its front matter (or encoding) is broken: it shows an error page until fixed;
 * - `reload`: it moved, or is no page any more: the tree is read again.
 */
export type Reread =
  | { kind: "page"; loaded: SourcePage; page: SourcePage }
  | { kind: "frontMatter"; loaded: SourcePage }
  | { kind: "unreadable"; problem: Diagnostic }
  | { kind: "reload" };

export function rereadPage(site: PreviewSite, file: string): Reread {
  const before = site.build.sourcePages.get(file);
  const rendered = before && site.byOutput.get(before.outputPath);
  // A post's neighbours and a paginated index's posts come from the whole tree: load it again. So for a page that
  // another page's address took (the collision is reported): the page written there must stay that one.
  if (!before || rendered?.file !== file || rendered.globals || rendered.derived || site.loaded.tree.content.posts.includes(before)) return { kind: "reload" };
  let read: ReturnType<typeof readPage>;
  try {
    read = readPage(site.sourceDir, file, false, new DirectoryData(site.sourceDir), site.loaded.tree.settings, site.parsedFiles);
  } catch (error) {
    if (error instanceof DiagnosticError) return { kind: "unreadable", problem: error.diagnostic };
    throw error;
  }
  // No front matter any more (a fragment now), or unpublished: other pages change too.
  if (typeof read === "string") return { kind: "reload" };
  if (JSON.stringify(read.page.data) === JSON.stringify(before.data)) return { kind: "page", loaded: read.page, page: templatePage(read.page) };
  // Moved or renamed: its old address may be another page's, or a static file's.
  return read.page.outputPath === before.outputPath && read.page.url === before.url ? { kind: "frontMatter", loaded: read.page } : { kind: "reload" };
}

/** Puts a re-read page in the place of its earlier self, so that every later render and check sees it. */
export function replacePage(site: PreviewSite, reread: { loaded: SourcePage; page: SourcePage }): void {
  const before = site.build.sourcePages.get(reread.loaded.file)!;
  const rendered = site.byOutput.get(before.outputPath)!;
  replaceInTree(site, reread.loaded);
  site.loaded.pages[site.loaded.pages.indexOf(before)] = reread.loaded;
  site.pages[site.pages.indexOf(rendered)] = reread.page;
  site.byOutput.set(reread.page.outputPath, reread.page);
}

/** Puts a re-read page in the place of its earlier self in the tree as read, which the site may be made again from. */
export function replaceInTree(site: PreviewSite, loaded: SourcePage): void {
  const treePages = site.loaded.tree.content.pages;
  treePages[treePages.indexOf(site.build.sourcePages.get(loaded.file)!)] = loaded;
  site.build.sourcePages.set(loaded.file, loaded);
}
