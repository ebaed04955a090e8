import type { SourcePage } from "../content/source-page.ts";
import { DiagnosticList, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { renderPage, type RenderedPage } from "./render-page.ts";
import type { SiteRenderer } from "./site-renderer.ts";

/** The result of rendering some pages: one entry per page (undefined where it failed) and the problems found. */
export interface BatchResult {
  rendered: Array<RenderedPage | undefined>;
  diagnostics: Diagnostic[];
  /** Highlighted code blocks the batch used, to persist for the next build. */
  highlights: Array<[string, string]>;
}

export function renderBatch(renderer: SiteRenderer, pages: readonly SourcePage[]): BatchResult {
  const diagnostics = new DiagnosticList();
  const rendered = pages.map((page) => renderPage(renderer, page, diagnostics));
  return { rendered, diagnostics: diagnostics.items, highlights: renderer.highlighter.takeUsedEntries() };
}
