import path from "node:path";
import { loadSiteConfig, type SiteConfig } from "../config/site-config.ts";
import { loadPages } from "../content/load-pages.ts";
import type { SourcePage } from "../content/source-page.ts";
import { DiagnosticError, DiagnosticList } from "../diagnostics/diagnostic.ts";
import { elementsJson } from "../elements/elements-json.ts";
import { readerSiteFiles } from "../reader/site-files.ts";
import { readHighlightCache, writeHighlightCache } from "../markdown/highlight/persistent-cache.ts";
import { GENERATOR_ROOT } from "../paths.ts";
import { homePage } from "./home-page.ts";
import { redirectPages } from "./redirect-pages.ts";
import type { RenderedPage } from "./render-page.ts";
import { renderPages } from "./render-pool.ts";
import { buildSiteModel, type SiteModel } from "./site-model.ts";
import type { SiteOutput } from "./site-output.ts";
import { sitemap } from "./sitemap.ts";
import { staticFiles, type StaticFile } from "./static-files.ts";

export interface BuildOptions {
  sourceDir: string;
  /** Overrides `baseurl` of `_config.yml`. */
  baseurl?: string;
  /** Render threads besides the main one; default: one per spare core. */
  workers?: number;
  /** Called as pages finish rendering. */
  onProgress?: (done: number, total: number) => void;
  /** Where highlighted code is kept between builds; false for none. Default: the generator's `.cache/`. */
  cacheDir?: string | false;
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
  /** The element model the pages were rendered with (the live preview re-renders single pages against it). */
  model?: SiteModel;
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

  for (const page of pages) build.sourcePages.set(page.file, page);
  const model = buildSiteModel(pages, site, diagnostics, sourceDir);
  build.model = model;
  const cacheDir = options.cacheDir ?? path.join(GENERATOR_ROOT, ".cache");
  const highlightSeed = cacheDir ? readHighlightCache(cacheDir) : [];
  const result = await renderPages(pages, {
    sourceDir,
    site,
    model,
    highlightSeed,
    workers: options.workers,
    onProgress: options.onProgress,
  });
  if (cacheDir) writeHighlightCache(cacheDir, result.highlights);
  for (const diagnostic of result.diagnostics) diagnostics.add(diagnostic);
  for (const rendered of result.rendered) {
    if (!rendered) continue;
    build.rendered.push(rendered);
    build.outputs.push({ outputPath: rendered.outputPath, url: rendered.url, html: rendered.html });
  }
  build.pageCount = build.rendered.length;

  const taken = new Set(pages.map((p) => p.outputPath));
  // 404.html and robots.txt; a redirect must not overwrite them either.
  const readerFiles = await readerSiteFiles(sourceDir, site, model, diagnostics);
  for (const file of readerFiles) taken.add(file.outputPath);
  build.outputs.push(...readerFiles);
  build.outputs.push(...redirectPages(pages, taken, site, diagnostics));
  build.outputs.push(sitemap(pages, site));
  build.outputs.push({ outputPath: "elements.json", url: "/elements.json", html: elementsJson(model.elements, site.baseurl) });
  build.staticFiles = staticFiles(sourceDir, content.staticFiles);
  return build;
}
