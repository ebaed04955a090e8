import type { SourcePage } from "../content/source-page.ts";
import { DiagnosticList, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { PageShortfall } from "../diagnostics/page-shortfall.ts";
import { renderPage, type RenderedPage } from "./render-page.ts";
import type { SiteRenderer } from "./site-renderer.ts";

/** The result of rendering some pages: one entry per page (undefined where it failed) and the problems found. */
export interface BatchResult {
  rendered: Array<RenderedPage | undefined>;
  diagnostics: Diagnostic[];
  /** Pages left out, or written with less than their source holds, and why. */
  shortfalls: PageShortfall[];
  /** Highlighted code blocks the batch used, to persist for the next build. */
  highlights: Array<[string, string]>;
}

export function renderBatch(renderer: SiteRenderer, pages: readonly SourcePage[]): BatchResult {
  const diagnostics = new DiagnosticList();
  const shortfalls: PageShortfall[] = [];
  const rendered = pages.map((page) => renderPage(renderer, page, diagnostics, shortfalls));
  return { rendered, diagnostics: diagnostics.items, shortfalls, highlights: renderer.highlighter.takeUsedEntries() };
}
