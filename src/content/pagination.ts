import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { ContentSettings } from "./jekyll-settings.ts";
import type { SourcePage } from "./source-page.ts";
import { destinationFor } from "./urls.ts";

/** jekyll-paginate's `paginator`: one page of the posts and the way to its neighbours. */
export interface Paginator {
  page: number;
  per_page: number;
  posts: Record<string, unknown>[];
  total_posts: number;
  total_pages: number;
  previous_page: number | null;
  previous_page_path: string | null;
  next_page: number | null;
  next_page_path: string | null;
}

export interface Pagination {
  /** The paginated `index.html` with page 1's `paginator`, to render in place of the page as loaded. */
  template: SourcePage;
  /** Pages 2 and on, at `paginate_path` (`/blog/page2/index.html`), rendered from the same file. */
  extraPages: SourcePage[];
}

/**
 * jekyll-paginate (v1.1, as GitHub Pages runs it): with `paginate: N`, the `index.html` nearest to
 * `paginate_path`'s folder (that folder or one above it) lists the posts N at a time, newest first, `hidden: true`
 * ones left out. Page 1 is the index itself, page n is written at paginate_path with `:num` = n.
 * Returns a warning when pagination is on but no `index.html` can carry it (Jekyll logs the same and skips it).
 */
export function paginate(
  pages: readonly SourcePage[],
  posts: readonly Record<string, unknown>[],
  settings: Pick<ContentSettings, "paginate" | "paginatePath">,
): Pagination | Diagnostic | undefined {
  const perPage = settings.paginate;
  if (perPage === undefined) return undefined;
  const template = paginatedIndex(pages, settings.paginatePath);
  if (!template) {
    return {
      file: "_config.yml",
      severity: "warning",
      code: "pagination-without-index",
      message: `paginate: is set, but there is no index.html in ${paginateFolder(settings.paginatePath) || "the root"} or a folder above it to list the posts`,
      hint: "jekyll-paginate paginates an index.html (not index.md) page: add one, or point paginate_path at its folder.",
    };
  }
  const listed = posts.filter((post) => post.hidden !== true);
  const totalPages = Math.ceil(listed.length / perPage);
  const firstPageUrl = template.url.replace(/index\.html$/, "");
  const pathOf = (num: number | null) => (num === null ? null : num <= 1 ? firstPageUrl : pagePath(settings.paginatePath, num));
  const paginator = (num: number): Paginator => {
    const previous = num > 1 ? num - 1 : null;
    const next = num < totalPages ? num + 1 : null;
    return {
      page: num,
      per_page: perPage,
      posts: listed.slice((num - 1) * perPage, num * perPage),
      total_posts: listed.length,
      total_pages: totalPages,
      previous_page: previous,
      previous_page_path: pathOf(previous),
      next_page: next,
      next_page_path: pathOf(next),
    };
  };
  const extraPages: SourcePage[] = [];
  for (let num = 2; num <= totalPages; num++) {
    // A paginate_path written with a trailing slash (`/blog/page:num/`) keeps it in the paginator's paths, as in
    // Jekyll, but names the same folder.
    const outputPath = destinationFor(`${pagePath(settings.paginatePath, num).replace(/\/+$/, "")}/`, ".html");
    extraPages.push({ ...template, url: `/${outputPath}`, outputPath, globals: { ...template.globals, paginator: paginator(num) } });
  }
  return { template: { ...template, globals: { ...template.globals, paginator: paginator(1) } }, extraPages };
}

/** The site path of page `num`: `/docs/release-notes/page:num` -> `/docs/release-notes/page2`. */
export function pagePath(paginatePath: string, num: number): string {
  return `/${paginatePath.replace(":num", String(num)).replace(/^\/+/, "")}`;
}

/** The candidate `index.html` deepest in the tree wins, as jekyll-paginate's template_page picks it. */
function paginatedIndex(pages: readonly SourcePage[], paginatePath: string): SourcePage | undefined {
  const folders = new Set<string>();
  for (let folder = paginateFolder(paginatePath); ; folder = parentOf(folder)) {
    folders.add(folder);
    if (folder === "") break;
  }
  return pages
    .filter((page) => path.posix.basename(page.file) === "index.html" && folders.has(parentOf(page.file)))
    .sort((a, b) => b.file.length - a.file.length)[0];
}

function paginateFolder(paginatePath: string): string {
  return parentOf(paginatePath.replace(/^\/+/, ""));
}

function parentOf(rel: string): string {
  const parent = path.posix.dirname(rel);
  return parent === "." || parent === "/" ? "" : parent;
}
