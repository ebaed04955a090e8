import type { SourcePage } from "../content/source-page.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { PageShortfall } from "../diagnostics/page-shortfall.ts";
import { renderBatch } from "../render/render-batch.ts";
import type { RenderedPage } from "../render/render-page.ts";
import type { SiteOutput } from "../render/site-output.ts";
import type { PreviewSite } from "./preview-site.ts";

/** One page's latest render in the preview, with what it ran into. */
export interface PageRender {
  /** Undefined when no page could be made at all. */
  rendered: RenderedPage | undefined;
  /** The page's Markdown twin (src/agents/agent-files.ts), written beside it. */
  twin: SiteOutput | undefined;
  /** Problems met while rendering it, in its layouts and includes too (the page's banner lists them all). */
  problems: Diagnostic[];
  /** What left the page incomplete (a layout that failed, a tag that rendered as nothing), and why. */
  shortfall: PageShortfall | undefined;
}

/** Renders one page exactly as the build renders it (src/render/render-batch.ts), with its Markdown twin. */
export function renderPreviewPage(site: PreviewSite, page: SourcePage): PageRender {
  const result = renderBatch(site.renderer, [page]);
  const rendered = result.rendered[0];
  const twin = rendered && site.loaded.agents.twin(rendered);
  // The Liquid output is in the twin now; the page keeps what the checks read.
  if (rendered) delete rendered.markdown;
  return { rendered, twin, problems: result.diagnostics, shortfall: result.shortfalls[0] };
}
