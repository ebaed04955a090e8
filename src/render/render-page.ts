import type { Template } from "liquidjs";
import { apiExamplesPage } from "./inspect/api-examples.ts";
import { ContentInspector } from "./inspect/content-inspector.ts";
import { pageFacts, type PageFacts } from "./inspect/page-facts.ts";
import { redirectTo } from "./redirect-pages.ts";
import type { SourcePage } from "../content/source-page.ts";
import type { Diagnostic, DiagnosticList } from "../diagnostics/diagnostic.ts";
import { INSTALL_HINT, InstallProblem } from "../diagnostics/install-problem.ts";
import { guideOfPage } from "../elements/element-model.ts";
import { POLICY_LINE_VARIABLE, type Layout } from "../layouts/layout-set.ts";
import { liquidDiagnostic } from "../liquid/liquid-diagnostic.ts";
import { LiquidSourceMap } from "../liquid/source-map.ts";
import type { MarkdownEnv } from "../markdown/markdown-env.ts";
import { getHeadings } from "../markdown/plugins/heading-ids.ts";
import { CONTENT_SECURITY_POLICY_META_TAG, withContentSecurityPolicy } from "./content-security-policy.ts";
import { readerVariables } from "./layout-variables/layout-variables.ts";
import { referenceContent } from "../reference/reference-content.ts";
import { ourLayoutsFor, pageLayouts } from "./layout-chain.ts";
import { pageToRender } from "./legacy-swagger.ts";
import { parseLeniently } from "./lenient-parse.ts";
import { ShortfallRecorder, type Outcome, type PageShortfall } from "../diagnostics/page-shortfall.ts";
import { renderLiquid } from "./render-liquid.ts";
import type { SiteRenderer } from "./site-renderer.ts";
import { fileName, urlFolder } from "../content/urls.ts";
import { sourcePageUrls } from "./source-page-urls.ts";
import { redirectLoop } from "./redirect-loop.ts";

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
  /**
   * A Markdown page's Markdown after Liquid, includes applied: the body of its Markdown twin
   * (src/agents/markdown-twin.ts), dropped as soon as the twin is written.
   */
  markdown?: string;
}

/** A page that could not be made at all: a broken install of ours (the hint says to install again), else a bug of ours. */
function failureOf(page: SourcePage, error: unknown): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof InstallProblem) return { file: page.file, severity: "error", code: "generator-install", message, hint: INSTALL_HINT };
  return {
    file: page.file,
    severity: "error",
    code: "internal-error",
    message: `Element Guides failed on this page: ${message}`,
    hint: "This is a bug in Element Guides, not in the page: please report it with the page attached.",
  };
}

/** The Liquid scope of a page: Jekyll's `page` is the page's own front matter plus its URL and path. */
export function pageVariables(page: SourcePage): Record<string, unknown> {
  // What Jekyll's Page adds over its front matter: its URL and path, its file's name and its URL's folder.
  return { ...page.data, url: page.url, path: page.file, name: fileName(page.file), dir: urlFolder(page.url) };
}

/**
 * Renders a page as well as it can, so that the site stays complete: a Liquid tag that fails renders as nothing,
 * a layout that cannot be used is replaced by ours of the same kind (src/render/page-shortfall.ts). Every such
 * problem goes to `diagnostics`; what it cost the page goes to `shortfalls`. Undefined only when no page at all
 * could be made (a bug of ours, or our own layout failing).
 */
export function renderPage(
  r: SiteRenderer,
  page: SourcePage,
  diagnostics: DiagnosticList,
  shortfalls: PageShortfall[] = [],
): RenderedPage | undefined {
  const shortfall = new ShortfallRecorder(page.file);
  const report: Report = (problem, outcome, layouts) => {
    diagnostics.add(problem);
    shortfall.note(problem, outcome, layouts);
  };
  const reportError: ReportError = (error, outcome, layouts) =>
    report(liquidDiagnostic(error, { sourceDir: r.sourceDir, fallbackFile: page.absPath, knownPageKeys: r.knownPageKeys }), outcome, layouts);
  let rendered: RenderedPage | undefined;
  // A page with `redirect_to:` is only the redirect, as jekyll-redirect-from writes it.
  const redirect = redirectTo(page, r.site);
  if (redirect !== undefined) {
    // Its links are the writer's, at the redirect_to line: a target that is no page is reported there.
    const at = { file: page.file, line: page.keyLines.redirect_to };
    const loop = redirectLoop(r, page);
    if (loop) {
      diagnostics.add({
        ...at,
        severity: "error",
        code: "redirect-loop",
        message:
          loop.length === 1
            ? `redirect_to: sends ${page.url} to itself: a browser would load it again and again`
            : `redirect_to: sends ${page.url} round in a circle (${[...loop, page.url].join(" -> ")}): a browser would go round it until it gives up`,
        hint: "Point redirect_to: at the page that took this one's place, or remove it to show the page's own text.",
      });
    }
    // A loop is that one error: its links are not checked as well.
    const facts = loop ? pageFacts("", "", []) : pageFacts(redirect.html, redirect.html, redirect.urls.map((value) => ({ value, at })));
    return { file: page.file, url: page.url, outputPath: page.outputPath, html: redirect.html, dependencies: [], facts };
  }
  try {
    rendered = renderLeniently(r, pageToRender(r, page), diagnostics, report, reportError);
  } catch (error) {
    // Not a problem of the content: say so plainly, and let the rest of the site build.
    report(failureOf(page, error), "not-written");
  }
  if (shortfall.current) shortfalls.push(shortfall.current);
  return rendered;
}

type Layouts = { layout?: string; ourLayout?: string };
type Report = (problem: Diagnostic, outcome: Outcome, layouts?: Layouts) => void;
type ReportError = (error: unknown, outcome: Outcome, layouts?: Layouts) => void;

/** Liquid, then Markdown, then layouts, each going on past the problems it meets. */
function renderLeniently(
  r: SiteRenderer,
  page: SourcePage,
  diagnostics: DiagnosticList,
  report: Report,
  reportError: ReportError,
): RenderedPage | undefined {
  const layouts = pageLayouts(r, page);
  for (const { diagnostic, outcome, ...names } of layouts.failures) report(diagnostic, outcome, names);
  if (!layouts.chain) return undefined;

  const scope = {
    // jekyll-paginate's `paginator` and the like (src/content/pagination.ts).
    ...page.globals,
    page: pageVariables(page),
    site: r.site,
    element: guideOfPage(page, r.elements),
    catalog: r.catalog,
  };
  const dependencies = new Set<string>();

  let markdownSource: string;
  // Where each piece of the page's Markdown came from (page or include line), for checks to point at.
  let sourceMap = new LiquidSourceMap();
  let templates: Template[] | undefined;
  try {
    templates = parseLeniently(r.liquid, page.body, page.absPath, (error) => reportError(error, "parts-empty"));
  } catch (error) {
    // Text that cannot be split into tags at all (an unclosed `{{`): the page keeps its words, without Liquid.
    reportError(error, "no-liquid");
  }
  const body = templates && renderLiquid(r, templates, scope, dependencies, { sourceMap, markdown: page.markdown !== false }, (d) => diagnostics.add(d));
  if (body?.output !== undefined) {
    for (const error of body.errors) reportError(error, "parts-empty");
    markdownSource = body.output;
  } else {
    // The render stopped outside any tag (it should not): the page keeps its words, without Liquid.
    for (const error of body?.errors ?? []) reportError(error, "no-liquid");
    markdownSource = page.body;
    sourceMap = new LiquidSourceMap();
  }

  // Content checks (JSON examples, swallowed tags, link positions) read the tokens markdown-it makes anyway.
  const inspector = new ContentInspector({
    page: { file: page.file, sourceDir: r.sourceDir },
    liquidOutput: markdownSource,
    sourceMap,
    report: (diagnostic) => diagnostics.add(diagnostic),
    api: apiExamplesPage(r.references, page),
    siteOrigin: originOf(r.site.url),
  });
  const env: MarkdownEnv = {
    file: page.file,
    report: (problem) => diagnostics.add({ ...problem, ...inspector.positionOfLine(problem.line) } satisfies Diagnostic),
    inspectTokens: inspector.inspect,
    pageUrl: sourcePageUrls(r),
  };
  // markdown-it types env as an open record; ours is a typed subset of it.
  // An .html page (or any other page that is not Markdown) is its Liquid output, as in Jekyll, without the blank
  // lines that stand in for its front matter (an XML declaration must come first).
  if (page.markdown === false) inspector.inspectHtml(markdownSource);
  let html = page.markdown === false ? markdownSource.replace(/^\n+/, "") : r.markdown.render(markdownSource, env as unknown as Record<string, unknown>);
  // A page of an API reference is made from the element's OpenAPI document, not from its (empty) body.
  const reference = referenceContent(r, page);
  if (reference) html = reference.html;
  const contentHtml = html;

  // Only layouts see the table of contents, breadcrumbs and dates (src/render/layout-variables/layout-variables.ts).
  // A feed.xml or search.json page with front matter is no HTML: a <meta> would break it.
  const isHtml = /\.x?html?$/.test(page.outputPath);
  const layoutScope = {
    ...scope,
    // Written by our base layout after <meta charset> (src/render/content-security-policy.ts).
    [POLICY_LINE_VARIABLE]: isHtml ? `\n  ${CONTENT_SECURITY_POLICY_META_TAG}` : "",
    ...readerVariables({
      page,
      element: scope.element,
      headings: reference?.headings ?? getHeadings(env),
      site: r.site,
      sourceDir: r.sourceDir,
      gitDates: r.gitDates,
      includes: dependencies,
    }),
  };
  const dress = (chain: Layout[]): { html: string; outermost?: Layout } | { failed: Layout; error: unknown } => {
    let dressed = html;
    for (const layout of chain) {
      const scope = { ...layoutScope, content: dressed, layout: layout.data };
      const result = renderLiquid(r, layout.templates, scope, dependencies, undefined, (d) => diagnostics.add(d));
      if (result.output === undefined) return { failed: layout, error: result.errors[0] };
      dressed = result.output;
    }
    return { html: dressed, outermost: chain.at(-1) };
  };
  let dressed = dress(layouts.chain);
  if ("failed" in dressed && !layouts.ours) {
    // The tree's layout failed while rendering (an include it names is missing): ours of the same kind takes over.
    const failedAt = dressed.failed.name;
    const cause = liquidDiagnostic(dressed.error, { sourceDir: r.sourceDir, fallbackFile: dressed.failed.file });
    const ours = ourLayoutsFor(r, page, { diagnostic: cause, layout: failedAt });
    for (const { diagnostic, outcome, ...names } of ours.failures) report(diagnostic, outcome, names);
    if (!ours.chain) return undefined;
    dressed = dress(ours.chain);
  }
  if ("failed" in dressed) {
    reportError(dressed.error, "not-written", { layout: dressed.failed.name });
    return undefined;
  }
  html = dressed.html;
  // Whatever the layouts wrote (a tree's own, or none), the page carries the site's policy; our base layout wrote it.
  if (isHtml && !dressed.outermost?.writesPolicyLine) html = withContentSecurityPolicy(html);
  return {
    file: page.file,
    url: page.url,
    outputPath: page.outputPath,
    html,
    dependencies: [...dependencies],
    // A reference page's links are its descriptions', at their lines in the API document.
    facts: pageFacts(html, contentHtml, reference?.links ?? inspector.links),
    ...(page.markdown !== false && { markdown: markdownSource }),
  };
}

/** The origin of the site's `url:`, or undefined without a usable one. */
function originOf(url: string): string | undefined {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}
