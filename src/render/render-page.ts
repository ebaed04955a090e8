import { Context, type Template } from "liquidjs";
import { ContentInspector } from "../checks/content/content-inspector.ts";
import { pageFacts, type PageFacts } from "../checks/links/page-facts.ts";
import type { SourcePage } from "../content/source-page.ts";
import type { Diagnostic, DiagnosticList } from "../diagnostics/diagnostic.ts";
import type { Layout } from "../layouts/layout-set.ts";
import { liquidDiagnostic } from "../liquid/liquid-diagnostic.ts";
import { setRenderState } from "../liquid/render-state.ts";
import { LiquidSourceMap } from "../liquid/source-map.ts";
import type { MarkdownEnv } from "../markdown/markdown-env.ts";
import { getHeadings } from "../markdown/plugins/heading-ids.ts";
import { withContentSecurityPolicy } from "../reader/content-security-policy.ts";
import { readerVariables } from "../reader/layout-variables.ts";
import type { SiteRenderer } from "./site-renderer.ts";

/** A rendered page as plain data, so that it can cross a worker boundary. */
export interface RenderedPage {
  /** The source file, relative to the source root. */
  file: string;
  url: string;
  outputPath: string;
  html: string;
  /** Partial files the page pulled in (absolute paths). */
  dependencies: string[];
  /** Ids and links of the written HTML, links with the source line that wrote them, for the link check. */
  facts?: PageFacts;
}

/** The Liquid scope of a page: Jekyll's `page` is the page's own front matter plus its URL and path. */
export function pageVariables(page: SourcePage): Record<string, unknown> {
  return { ...page.data, url: page.url, path: page.file };
}

/** Liquid, then Markdown, then layouts; problems go to `diagnostics` and the page is left out. */
export function renderPage(r: SiteRenderer, page: SourcePage, diagnostics: DiagnosticList): RenderedPage | undefined {
  const layoutChain = findLayoutChain(r, page, diagnostics);
  if (!layoutChain) return undefined;

  const scope = {
    page: pageVariables(page),
    site: r.site,
    element: page.elementFolder ? (r.elements.get(page.elementFolder) ?? null) : null,
    catalog: r.catalog,
  };
  const dependencies = new Set<string>();
  const fail = (error: unknown): undefined => {
    diagnostics.add(
      liquidDiagnostic(error, { sourceDir: r.sourceDir, fallbackFile: page.absPath, knownPageKeys: r.knownPageKeys }),
    );
    return undefined;
  };

  let markdownSource: string;
  // Where each piece of the page's Markdown came from (page or include line), for checks to point at.
  const sourceMap = new LiquidSourceMap();
  try {
    const templates = r.liquid.parse(page.body, page.absPath);
    markdownSource = renderLiquid(r, templates, scope, dependencies, sourceMap);
  } catch (error) {
    return fail(error);
  }

  // Content checks (JSON examples, swallowed tags, link positions) read the tokens markdown-it makes anyway.
  const inspector = new ContentInspector({
    page: { file: page.file, sourceDir: r.sourceDir },
    liquidOutput: markdownSource,
    sourceMap,
    report: (diagnostic) => diagnostics.add(diagnostic),
  });
  const env: MarkdownEnv = {
    file: page.file,
    report: (problem) => diagnostics.add({ ...problem, ...inspector.positionOfLine(problem.line) } satisfies Diagnostic),
    inspectTokens: inspector.inspect,
  };
  // markdown-it types env as an open record; ours is a typed subset of it.
  let html = r.markdown.render(markdownSource, env as unknown as Record<string, unknown>);
  const contentHtml = html;

  // Only layouts see the table of contents, breadcrumbs and dates (src/reader/layout-variables.ts).
  const layoutScope = {
    ...scope,
    ...readerVariables({
      page,
      element: scope.element,
      headings: getHeadings(env),
      site: r.site,
      sourceDir: r.sourceDir,
      gitDates: r.gitDates,
      includes: dependencies,
    }),
  };
  for (const layout of layoutChain) {
    try {
      html = renderLiquid(r, layout.templates, { ...layoutScope, content: html, layout: layout.data }, dependencies);
    } catch (error) {
      return fail(error);
    }
  }
  // Whatever the layouts wrote (a tree's own, or none), the page carries the site's policy.
  html = withContentSecurityPolicy(html);
  return {
    file: page.file,
    url: page.url,
    outputPath: page.outputPath,
    html,
    dependencies: [...dependencies],
    facts: pageFacts(html, contentHtml, inspector.links),
  };
}

function renderLiquid(
  r: SiteRenderer,
  templates: Template[],
  scope: Record<string, unknown>,
  dependencies: Set<string>,
  sourceMap?: LiquidSourceMap,
): string {
  const ctx = new Context(scope, r.liquid.options, { sync: true }, { liquid: r.liquid });
  setRenderState(ctx, { roots: r.roots, partials: r.partials, dependencies, sourceMap });
  // liquidjs throws and catches an error for every `{% if page.x %}` on a page without x; capturing a stack
  // trace for each was a visible share of layout time. Our diagnostics use token positions, not stacks.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return r.liquid.renderSync(templates, ctx) as string;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** The page's layouts, innermost first; empty for `layout: none`; undefined when one of them does not exist. */
function findLayoutChain(r: SiteRenderer, page: SourcePage, diagnostics: DiagnosticList): Layout[] | undefined {
  const chain: Layout[] = [];
  let requested: unknown = page.data.layout ?? (page.elementFolder ? "element" : "page");
  let namedBy = "The page";
  while (!isNoLayout(requested)) {
    let layout: Layout | undefined;
    try {
      layout = r.layouts.get(String(requested));
    } catch (error) {
      // A Liquid syntax error in the layout itself: reported at the layout's line, like any other.
      diagnostics.add(liquidDiagnostic(error, { sourceDir: r.sourceDir, fallbackFile: page.absPath }));
      return undefined;
    }
    if (!layout || chain.includes(layout)) {
      diagnostics.add({
        file: page.file,
        line: page.keyLines.layout,
        severity: "error",
        code: "unknown-layout",
        message: layout
          ? `${namedBy} makes a loop of layouts`
          : `${namedBy} names an unknown layout "${String(requested)}"`,
        hint: `Use one of: ${r.layouts.knownNames().join(", ")}.`,
      });
      return undefined;
    }
    chain.push(layout);
    namedBy = `Layout "${layout.name}"`;
    requested = layout.data.layout;
  }
  return chain;
}

function isNoLayout(name: unknown): boolean {
  return name === undefined || name === null || name === false || name === "none" || name === "";
}
