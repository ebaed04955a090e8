import path from "node:path";
import { loadSiteConfig, type SiteConfig } from "../config/site-config.ts";
import { loadPages } from "../content/load-pages.ts";
import type { SourcePage } from "../content/source-page.ts";
import { DiagnosticError, DiagnosticList } from "../diagnostics/diagnostic.ts";
import { buildCatalog } from "../elements/catalog.ts";
import { buildElements, readHubNames } from "../elements/element-model.ts";
import { LayoutSet } from "../layouts/layout-set.ts";
import { createLiquid } from "../liquid/create-liquid.ts";
import { PartialCache } from "../liquid/partial-files.ts";
import { createMarkdown } from "../markdown/create-markdown.ts";
import { createCodeHighlighter } from "../markdown/highlight/code-highlighter.ts";
import { lookupDirs } from "../paths.ts";
import { homePage } from "./home-page.ts";
import { redirectPages } from "./redirect-pages.ts";
import { renderPage, type RenderedPage } from "./render-page.ts";
import type { SiteOutput } from "./site-output.ts";
import type { SiteRenderer } from "./site-renderer.ts";
import { sitemap } from "./sitemap.ts";
import { staticFiles, type StaticFile } from "./static-files.ts";

export interface BuildOptions {
  sourceDir: string;
  /** Overrides `baseurl` of `_config.yml`. */
  baseurl?: string;
}

/** The whole site in memory: what to write, what to copy, and what went wrong. */
export interface SiteBuild {
  sourceDir: string;
  site: SiteConfig | undefined;
  outputs: SiteOutput[];
  staticFiles: StaticFile[];
  diagnostics: DiagnosticList;
  pageCount: number;
  /** Every published page of the tree (the generated home page included), by source file. */
  sourcePages: Map<string, SourcePage>;
  /** The pages that rendered, in source order; their HTML is also among `outputs`. */
  rendered: RenderedPage[];
}

/** Reads a source tree and renders every page; never throws for content problems, which land in `diagnostics`. */
export async function buildSite(options: BuildOptions): Promise<SiteBuild> {
  const sourceDir = path.resolve(options.sourceDir);
  const diagnostics = new DiagnosticList();
  const build: SiteBuild = {
    sourceDir,
    site: undefined,
    outputs: [],
    staticFiles: [],
    diagnostics,
    pageCount: 0,
    sourcePages: new Map(),
    rendered: [],
  };

  let site: SiteConfig;
  try {
    site = loadSiteConfig(sourceDir, { baseurl: options.baseurl });
  } catch (error) {
    if (!(error instanceof DiagnosticError)) throw error;
    diagnostics.add(error.diagnostic);
    return build;
  }
  build.site = site;

  const content = loadPages(sourceDir, diagnostics);
  const pages: SourcePage[] = content.pages;
  if (!pages.some((p) => p.outputPath === "index.html")) pages.unshift(homePage(site));

  const renderer = await createRenderer(sourceDir, site, pages);
  for (const page of pages) {
    build.sourcePages.set(page.file, page);
    const rendered = renderPage(renderer, page, diagnostics);
    if (!rendered) continue;
    build.rendered.push(rendered);
    build.outputs.push({ outputPath: rendered.outputPath, url: rendered.url, html: rendered.html });
  }
  build.pageCount = build.rendered.length;

  const taken = new Set(pages.map((p) => p.outputPath));
  build.outputs.push(...redirectPages(pages, taken, site, diagnostics));
  build.outputs.push(sitemap(pages, site));
  build.staticFiles = staticFiles(sourceDir, content.staticFiles);
  return build;
}

async function createRenderer(sourceDir: string, site: SiteConfig, pages: readonly SourcePage[]): Promise<SiteRenderer> {
  const markdown = createMarkdown({ highlighter: await createCodeHighlighter() });
  const liquid = createLiquid({ site, markdownify: (text) => markdown.render(text, { file: "", report: () => {} }) });
  const elements = buildElements(pages, readHubNames(site.data));
  return {
    sourceDir,
    site,
    liquid,
    partials: new PartialCache(liquid),
    roots: { sourceDir, includeDirs: lookupDirs(sourceDir, "_includes") },
    markdown,
    layouts: new LayoutSet(liquid, lookupDirs(sourceDir, "_layouts")),
    elements,
    catalog: buildCatalog(elements),
    knownPageKeys: [...new Set(pages.flatMap((p) => Object.keys(p.data)))].sort(),
  };
}
