import { outputPathFor, urlFor } from "../content/urls.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { errorPage, withDiagnosticBanner } from "./error-page.ts";
import { OutputFiles } from "./output-files.ts";
import type { PageRender } from "./page-render.ts";
import type { PreviewSite } from "./preview-site.ts";
import { pageProblems, type FiledProblems } from "./site-problems.ts";
import { escapePath } from "../text/url-escape.ts";

/**
 * Writes pages as the preview shows them: a rendered page with a banner of its problems, or an error page in its
 * place; only what changed reaches the disk.
 */
export class PageWriter {
  private readonly files: OutputFiles;
  /** Each page's render and the problems it was last written with, so that an unchanged page is not dressed again. */
  private readonly dressed = new Map<string, { render: PageRender; problems: string }>();
  /** Output paths whose file is an error page, which the preview answers with status 500 as Vite does. */
  private readonly failing = new Set<string>();

  constructor(
    outputDir: string,
    private readonly onWrite?: (outputPath: string) => void,
  ) {
    this.files = new OutputFiles(outputDir);
  }

  /** Writes any file, `failed` when it is an error page; true when its content changed. */
  write(outputPath: string, content: string, failed = false): boolean {
    if (failed) this.failing.add(outputPath);
    else this.failing.delete(outputPath);
    const wrote = this.files.write(outputPath, content);
    if (wrote) this.onWrite?.(outputPath);
    return wrote;
  }

  /** Writes a page as last rendered, with the problems filed under it; returns its HTML when that changed. */
  writePage(site: PreviewSite, outputPath: string, render: PageRender, filed: FiledProblems): string | undefined {
    const own = pageProblems(site, outputPath, render, filed);
    // The home page counts the problems of no page too, so that they are seen somewhere.
    const elsewhere = own.length || outputPath === "index.html" ? filed.elsewhere.length : 0;
    const key = JSON.stringify([own, elsewhere]);
    const last = this.dressed.get(outputPath);
    if (last?.render === render && last.problems === key) return undefined;
    this.dressed.set(outputPath, { render, problems: key });
    const html = render.rendered
      ? withDiagnosticBanner(render.rendered.html, own, elsewhere)
      : errorPage({
          url: addressOf(outputPath, site.build.site.baseurl),
          // A page that failed for a reason filed elsewhere (a layout that does not parse) names it.
          diagnostics: own.some((d) => d.severity === "error") ? own : [...own, ...filed.elsewhere.filter((d) => d.severity === "error")],
          sourceDir: site.sourceDir,
        });
    return this.write(outputPath, html, !render.rendered) ? html : undefined;
  }

  /**
   * The error page at the address of a page whose front matter did not load, unless a page that did load is there
   * (by its permalink): that page is served, and the problem is in the terminal and the checks.
   */
  writeUnloaded(site: PreviewSite, file: string, filed: FiledProblems): void {
    const outputPath = outputPathFor(file, site.loaded.tree.settings.markdownExts);
    if (site.byOutput.has(outputPath)) return;
    this.write(outputPath, unloadedPage(site, file, outputPath, filed), true);
  }

  /**
   * Deletes the error pages at addresses no page has any more (a broken page deleted or renamed): the tree was
   * loaded again, and the next round's clean-up would leave them served until saves pause.
   */
  dropErrorPagesBut(site: PreviewSite): void {
    const unloaded = new Set(site.unloaded.map((file) => outputPathFor(file, site.loaded.tree.settings.markdownExts)));
    for (const outputPath of this.failing) {
      if (site.byOutput.has(outputPath) || unloaded.has(outputPath)) continue;
      this.files.remove(outputPath);
      this.failing.delete(outputPath);
    }
  }

  /** Whether the file at `outputPath` is an error page now. */
  showsError(outputPath: string): boolean {
    return this.failing.has(outputPath);
  }

  /** Deletes every file written earlier that the site no longer has (a page since deleted). */
  keepOnly(current: ReadonlySet<string>): void {
    this.files.removeAllBut(current);
    for (const outputPath of this.failing) if (!current.has(outputPath)) this.failing.delete(outputPath);
  }

  /** The tree was loaded again: every page is dressed afresh. */
  forgetDressing(): void {
    this.dressed.clear();
  }
}

/** The error page of a page whose front matter did not load, shown at `outputPath`; its problems are filed under its file name's address. */
export function unloadedPage(site: PreviewSite, file: string, outputPath: string, filed: FiledProblems): string {
  const diagnostics = filed.byPage.get(outputPathFor(file, site.loaded.tree.settings.markdownExts)) ?? [];
  return errorPage({ url: addressOf(outputPath, site.build.site.baseurl), diagnostics, sourceDir: site.sourceDir });
}

/** What every address shows while the tree does not load. */
export function siteFailedPage(outputPath: string, problems: readonly Diagnostic[], sourceDir: string, baseurl: string): string {
  return errorPage({ url: addressOf(outputPath, baseurl), diagnostics: problems, sourceDir, title: "The site did not build" });
}

/** The address the browser shows for `outputPath`, under the site's base path: a folder's (`/guide/`) for its index page. */
function addressOf(outputPath: string, baseurl: string): string {
  // As the browser shows it: `c#-sdk.html` is `c%23-sdk.html`.
  return baseurl.replace(/\/+$/, "") + escapePath(urlFor(outputPath).replace(/(^|\/)index\.html$/, "$1"));
}
