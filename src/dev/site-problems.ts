import { outputPathFor } from "../content/urls.ts";
import { DiagnosticList, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { withLevel } from "../diagnostics/severity.ts";
import type { PageRender } from "./page-render.ts";
import type { PreviewSite } from "./preview-site.ts";

/** Problems found outside a page's own render (loading, the site's files, the whole-site checks), by where they show. */
export interface FiledProblems {
  /** By the output path of the page they belong to. */
  byPage: Map<string, Diagnostic[]>;
  /** Problems of no page (a layout, a data file, _config.yml): counted on banners, listed in the terminal. */
  elsewhere: Diagnostic[];
}

/** Files each problem, levels applied, under the outermost file of its include chain, else its own file. */
export function fileProblems(site: PreviewSite, problems: readonly Diagnostic[]): FiledProblems {
  const byPage = new Map<string, Diagnostic[]>();
  const elsewhere: Diagnostic[] = [];
  for (const reported of problems) {
    const d = withLevel(reported, site.levels);
    if (!d) continue;
    const owner = ownerOf(d);
    const page =
      site.build.sourcePages.get(owner)?.outputPath ??
      (site.unloaded.includes(owner) ? outputPathFor(owner, site.loaded.tree.settings.markdownExts) : undefined);
    const list = page === undefined ? elsewhere : byPage.get(page);
    if (list) list.push(d);
    else byPage.set(page!, [d]);
  }
  return { byPage, elsewhere };
}

/**
 * What a page's banner (or error page) lists: the problems of its own render, those pointing into a layout or an
 * include too, then the others filed under it; and the one that left it incomplete, when that was filed elsewhere
 * (a layout every page uses is reported once, at the layout), so that the banner says why the page looks as it does.
 */
export function pageProblems(site: PreviewSite, outputPath: string, render: PageRender | undefined, filed: FiledProblems): Diagnostic[] {
  const seen = new Set<string>();
  const own: Diagnostic[] = [];
  const add = (reported: Diagnostic | undefined) => {
    const d = reported && withLevel(reported, site.levels);
    if (!d) return;
    const key = JSON.stringify([d.file, d.line, d.column, d.code, d.message]);
    if (seen.has(key)) return;
    seen.add(key);
    own.push(d);
  };
  for (const d of render?.problems ?? []) add(d);
  for (const d of filed.byPage.get(outputPath) ?? []) add(d);
  own.sort(byPosition);
  const cause = render?.shortfall?.diagnostic;
  if (cause && !own.some((d) => d.code === cause.code && d.message === cause.message && d.file === cause.file)) {
    const shown = withLevel(cause, site.levels);
    if (shown) own.unshift(shown);
  }
  return own;
}

/** Every problem of the site, each once: what the terminal prints. */
export function allProblems(site: PreviewSite, renders: ReadonlyMap<string, PageRender>, problems: readonly Diagnostic[]): DiagnosticList {
  const all = new DiagnosticList();
  all.useLevels(site.levels);
  for (const render of renders.values()) for (const d of render.problems) all.add(d);
  for (const d of problems) all.add(d);
  return all;
}

function ownerOf(d: Diagnostic): string {
  const outer = d.chain?.[0];
  return outer ? outer.replace(/:\d+$/, "") : d.file;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
