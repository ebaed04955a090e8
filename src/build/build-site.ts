import path from "node:path";
import { AgentFiles } from "../agents/agent-files.ts";
import { loadSiteConfig, type SiteConfig } from "../config/site-config.ts";
import { siteContentSettings } from "../content/jekyll-settings.ts";
import { loadPages } from "../content/load-pages.ts";
import type { ParsedFiles } from "../content/parsed-files.ts";
import type { SourcePage } from "../content/source-page.ts";
import { DiagnosticError, DiagnosticList, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { severitySettings, type SeverityLevel } from "../diagnostics/severity.ts";
import { readHighlightCache, writeHighlightCache } from "../markdown/highlight/persistent-cache.ts";
import { layoutChoice } from "../layouts/layout-choice.ts";
import { loadElementReferences } from "../openapi/element-references.ts";
import { addReferencePages } from "../reference/reference-pages.ts";
import { GENERATOR_ROOT } from "../paths.ts";
import { siteWithPlugins } from "../plugins/plugin-site-values.ts";
import { missingCatalogPage } from "../render/catalog-page.ts";
import { homePage } from "../render/home-page.ts";
import { jekyllSite } from "../render/jekyll-site.ts";
import { legacyThemeNotes } from "../render/legacy-theme.ts";
import { unloadedPages } from "../diagnostics/page-shortfall.ts";
import type { RenderedPage } from "../render/render-page.ts";
import { renderPages } from "../render/render-pool.ts";
import { pageStream } from "./page-stream.ts";
import { shardOfPages, type ShardSelection } from "./shard-plan.ts";
import { inPlace, shardRecord } from "./shard-render.ts";
import { SITE_SHARD, siteShare, type SiteShare } from "./site-share.ts";
import { TwinPart, type TwinRanges } from "./twin-part.ts";
import { siteFilesOf } from "./whole-site-files.ts";
import { shardIdentity } from "./tree-fingerprint.ts";
import type { SearchFeed } from "../search/search-feed.ts";
import type { ShardIdentity, SiteBuild } from "../render/site-build.ts";
import { buildSiteModel, type SiteModel } from "../render/site-model.ts";
import { useSiteTimezone } from "../config/site-timezone.ts";
import { takeStrayRejections } from "../plugins/stray-rejections.ts";

export type { SiteBuild };

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
  /** Reads the highlight cache but never saves it: `npm run check` writes nothing. */
  readOnlyCache?: boolean;
  /**
   * Writes each page into this folder as it renders and keeps it without its HTML (`npm run build`, into its
   * staging folder); the rest of the outputs are left to src/build/write-site.ts. Without it, nothing is written.
   */
  writeTo?: string;
  /** Given each page written to `writeTo`, to index it meanwhile (src/search/search-feed.ts). */
  search?: Pick<SearchFeed, "expect" | "add" | "caughtUp">;
  /**
   * `--shard K/N`: renders and writes only this shard's pages (src/build/shard-plan.ts), and leaves the files made
   * from the whole site to the merge. What the merge needs is in `build.shard`.
   */
  shard?: ShardSelection;
  /** The live preview's pages as parsed at its last load of the tree: unchanged files are not parsed again. */
  parsedFiles?: ParsedFiles;
}

type RenderResult = Awaited<ReturnType<typeof renderPages>>;

/**
 * Reads a source tree and renders every page; never throws for content problems, which land in `diagnostics`.
 * The steps, in order: load the tree, render its pages (writing each with `writeTo`), then add the files
 * made from the whole site. `npm run build` then checks (src/checks/check-site.ts), writes the rest
 * (src/build/write-site.ts) and indexes (src/search/build-search-index.ts): see src/cli/build.ts.
 */
export async function buildSite(options: BuildOptions): Promise<SiteBuild & { split?: ShardShare }> {
  const build: SiteBuild & { split?: ShardShare } = emptyBuild(options.sourceDir);
  const loaded = await loadSite(build, options);
  if (!loaded) return build;
  // The notes of the tree (a legacy theme's), before rendering adds this machine's own (its highlight cache).
  const treeNotes = [...(build.notes ?? [])];
  const rendered = await renderSite(build, loaded, options);
  // What a plugin's unawaited promise did meanwhile (the commands catch it: src/plugins/stray-rejections.ts).
  for (const problem of takeStrayRejections()) build.diagnostics.add(problem);
  if (!options.shard) {
    await addSiteFiles(build, loaded, rendered);
    return build;
  }
  // A shard writes its own pages, those of pagination included; the first also makes the files of the whole site.
  build.outputs.push(...rendered.paginated.map(({ outputPath, url, html }) => ({ outputPath, url, html })));
  build.split = { twins: rendered.twins ?? [] };
  if (options.shard.index === SITE_SHARD) build.split.site = await siteShare(build, loaded, rendered, treeNotes);
  return build;
}

/** A build of `sourceDir` before anything is loaded. */
export function emptyBuild(sourceDir: string): SiteBuild {
  return {
    sourceDir: path.resolve(sourceDir),
    site: undefined,
    outputs: [],
    staticFiles: [],
    diagnostics: new DiagnosticList(),
    pageCount: 0,
    sourcePages: new Map(),
    rendered: [],
  };
}

/** What loading a tree gives the rendering: its pages in order, and what they are rendered against. */
export interface LoadedSite {
  /** The tree as read: its settings, its files and pages, and the problems of files that did not load. */
  tree: TreeRead;
  /** Every page to render, the generated home and catalog pages included. */
  pages: SourcePage[];
  generatedHome: SourcePage | undefined;
  model: SiteModel;
  /** Markdown twins, llms.txt and llms-full.txt (src/agents/agent-files.ts). */
  agents: AgentFiles;
}

/**
 * What reading a tree from disk gives, before anything is made of its pages: _config.yml, which files are pages,
 * and the pages read. The live preview makes the site again from it when a page's front matter changes but not
 * where the page goes (src/dev/preview-site.ts), without reading the tree again.
 */
export interface TreeRead {
  /** _config.yml as read, before the tree's plugins add their values. */
  site: SiteConfig;
  levels: ReadonlyMap<string, SeverityLevel>;
  /** The problems of reading it, at those levels. */
  problems: readonly Diagnostic[];
  settings: ReturnType<typeof siteContentSettings>["settings"];
  /** Its pages are the tree's own: generated pages are added to a copy of the list. */
  content: ReturnType<typeof loadPages>;
  /** Problems of files that did not load, at their own level, for the count of missing pages. */
  loading: DiagnosticList;
}

/** Load: _config.yml and its levels, the pages, the tree's plugins and the element model. Undefined when _config.yml did not load. */
export async function loadSite(build: SiteBuild, options: BuildOptions): Promise<LoadedSite | undefined> {
  const tree = readTree(build, options);
  return tree && (await siteFromTree(build, tree, options));
}

/** _config.yml and its levels, then the pages, read into `build`. Undefined when _config.yml did not load. */
function readTree(build: SiteBuild, options: BuildOptions): TreeRead | undefined {
  const { sourceDir, diagnostics } = build;
  let site: SiteConfig;
  try {
    site = loadSiteConfig(sourceDir, { baseurl: options.baseurl });
  } catch (error) {
    if (!(error instanceof DiagnosticError)) throw error;
    for (const problem of error.all) diagnostics.add(problem);
    return undefined;
  }
  build.site = site;
  useSiteTimezone(site.timezone);
  // Levels `_config.yml` gives diagnostic codes apply to everything reported from here on.
  const severity = severitySettings(sourceDir, site);
  diagnostics.useLevels(severity.levels);
  for (const problem of severity.problems) diagnostics.add(problem);

  // Loading problems are read before any level applies: a page that did not load is counted whatever its code's level.
  const loading = new DiagnosticList();
  // Which files are pages, posts and static files, by Jekyll's rules and the tree's exclude:/include:.
  const { settings, problems: settingProblems } = siteContentSettings(sourceDir, site);
  for (const problem of settingProblems) diagnostics.add(problem);
  const content = loadPages(sourceDir, loading, settings, options.parsedFiles);
  for (const diagnostic of loading.items) diagnostics.add(diagnostic);
  return { site, levels: severity.levels, problems: [...diagnostics.items], settings, content, loading };
}

/** A build of a tree read before (`readTree`), holding the problems of reading it, as `readTree` leaves one. */
export function buildOfTree(sourceDir: string, tree: TreeRead): SiteBuild {
  const build = emptyBuild(sourceDir);
  build.site = tree.site;
  build.diagnostics.useLevels(tree.levels);
  for (const problem of tree.problems) build.diagnostics.add(problem);
  return build;
}

/**
 * The site made of a tree read into `build` (`readTree`, `buildOfTree`): generated pages, API references, the
 * tree's plugins, the element model and the agents' files.
 */
export async function siteFromTree(build: SiteBuild, tree: TreeRead, options: BuildOptions): Promise<LoadedSite> {
  const { sourceDir, diagnostics } = build;
  const { content } = tree;
  let site = tree.site;
  const pages: SourcePage[] = [...content.pages];
  build.fragments = content.fragments;
  // A tree without a root index.md gets a generated home page.
  const generatedHome = pages.some((p) => p.outputPath === "index.html") ? undefined : homePage(site);
  if (generatedHome) pages.unshift(generatedHome);
  const generatedCatalog = missingCatalogPage(pages, content.staticFiles, site); // our layouts link to it
  if (generatedCatalog) pages.push(generatedCatalog);
  // Each element's OpenAPI document, read and validated once; its reference pages join the tree's (src/reference/).
  const references = await loadElementReferences(sourceDir, pages, diagnostics);
  addReferencePages(pages, references, layoutChoice(site) === "own");

  for (const page of pages) build.sourcePages.set(page.file, page);
  // The tree's _plugins/*.mjs: site values are computed once, before any page renders.
  site = build.site = await siteWithPlugins(sourceDir, site, pages, diagnostics);
  build.notes = legacyThemeNotes(sourceDir, site, pages, diagnostics, (element) => references.has(element));
  const model = buildSiteModel(pages, site, diagnostics, sourceDir, references);
  build.model = model;
  const agents = new AgentFiles(pages, content.staticFiles, site, options.writeTo);
  return { tree, pages, generatedHome, model, agents };
}

/**
 * Render: posts first, then every page and jekyll-paginate's pages, on the render threads; with `writeTo`,
 * each page is written as it arrives. Returns pages 2 and on of the paginated indexes, and their sources.
 */
async function renderSite(
  build: SiteBuild,
  { tree: { settings, content, loading }, pages, model, agents }: LoadedSite,
  options: BuildOptions,
): Promise<RenderedSite> {
  const { sourceDir, diagnostics } = build;
  const cacheDir = options.cacheDir ?? path.join(GENERATOR_ROOT, ".cache");
  const highlightSeed = cacheDir ? readHighlightCache(cacheDir) : [];
  // What a shard and its merge must agree on, made from the same inputs by both (before Jekyll's collections).
  const identity = options.shard ? shardIdentity(sourceDir, build.site!, pages, model.references, content) : undefined;
  // Posts first, for site.posts with their content; then jekyll-paginate's pages (src/render/jekyll-site.ts).
  const jekyll = await jekyllSite({ pages, content, settings, render: { sourceDir, site: build.site!, model, highlightSeed, workers: options.workers } }, diagnostics);
  build.site = jekyll.site;
  const list = [...jekyll.pages, ...jekyll.paginated];
  // A shard's twins are also kept in one file, for the merge's llms-full.txt (src/build/twin-part.ts).
  const twinPart = options.shard && options.writeTo !== undefined ? new TwinPart(options.writeTo) : undefined;
  const result = await renderHere(build, list, { pages, model, agents, highlightSeed, identity, twinPart }, options);
  // Pages 2 and on of a paginated index are written, but they are not pages of the tree of their own.
  const paginated = result.rendered.splice(pages.length).filter((page) => page !== undefined);
  if (cacheDir && !options.readOnlyCache) {
    try {
      writeHighlightCache(cacheDir, result.highlights);
    } catch (error) {
      // A cache that cannot be saved (a read-only install, a full disk) costs the next build time, not this one its site.
      const code = (error as NodeJS.ErrnoException).code;
      if (!code) throw error;
      (build.notes ??= []).push(`The highlight cache could not be saved in ${cacheDir} (${code}): the next build highlights its code again.`);
    }
  }
  // What the tree alone gave, for a split build's merge (src/build/site-share.ts).
  const treeProblems = diagnostics.items.length;
  for (const diagnostic of result.diagnostics) diagnostics.add(diagnostic);
  for (const rendered of result.rendered) {
    if (!rendered) continue;
    build.rendered.push(rendered);
    build.outputs.push({ outputPath: rendered.outputPath, url: rendered.url, html: rendered.html });
  }
  const twins = agents.outputs(build.rendered, build.written);
  build.outputs.push(...twins);
  const twinRanges = twinPart?.finish(twins);
  if (build.shard) {
    // Each page's twin, for the merge to list the site's files in one build's order.
    const made = new Set(twins.map((twin) => twin.outputPath));
    for (const entry of build.shard.pages) {
      const twin = agents.twinOf(entry.page.file);
      if (twin !== undefined && made.has(twin)) entry.twin = twin;
    }
  }
  // Each page's Liquid output is in its twin now; pages keep only what the checks read.
  for (const page of build.rendered) delete page.markdown;
  build.pageCount = build.rendered.length;
  const unloaded = unloadedPages(loading.items);
  build.pages = {
    total: pages.length + unloaded.length,
    rendered: build.rendered.length,
    shortfalls: [...unloaded, ...result.shortfalls],
  };
  return { paginated, paginatedSources: jekyll.paginated, treeProblems, twins: twinRanges };
}

/** What rendering leaves for the files of the whole site. */
export interface RenderedSite {
  /** Pages 2 and on of the paginated indexes, and their sources. */
  paginated: RenderedPage[];
  paginatedSources: readonly SourcePage[];
  /** How many of the build's problems were found before any page rendered. */
  treeProblems: number;
  /** A shard's twins in its TWIN_PART_FILE. */
  twins?: TwinRanges;
}

/** What a shard hands the merge besides its pages' record: its twins for llms-full.txt; the first, the site's share. */
export interface ShardShare {
  twins: TwinRanges;
  site?: SiteShare;
}

/**
 * Renders the pages of `list` in this process (a shard's share only, with `options.shard`), writing each as it
 * arrives with `writeTo`. The result keeps every page's place in `list`, so what follows reads as for the whole site.
 */
async function renderHere(
  build: SiteBuild,
  list: readonly SourcePage[],
  {
    pages,
    model,
    agents,
    highlightSeed,
    identity,
    twinPart,
  }: Pick<LoadedSite, "pages" | "model" | "agents"> & { highlightSeed: Array<[string, string]>; identity?: ShardIdentity; twinPart?: TwinPart },
  options: BuildOptions,
): Promise<RenderResult> {
  const shard = options.shard;
  const shardOf = shard && shardOfPages(list, shard.count, model.references);
  const own = shardOf ? list.filter((_, i) => shardOf[i] === shard!.index) : list;
  options.search?.expect(own.length);
  // Each page's Markdown twin is written with it.
  const twin = twinPart ? twinPart.keeping(agents.twin) : agents.twin;
  const stream = options.writeTo === undefined ? undefined : pageStream(options.writeTo, pages, twin, options.search);
  const result = await renderPages(own, {
    sourceDir: build.sourceDir,
    site: build.site!,
    model,
    highlightSeed,
    workers: options.workers,
    onProgress: options.onProgress,
    onRendered: stream?.write,
    // Pagefind and the disk each hold the pages handed to them until done: the render waits for both to keep up.
    pace: options.search && (async () => (await options.search!.caughtUp(), await stream?.caughtUp())),
  });
  await stream?.finish();
  build.written = stream?.written;
  if (!shardOf) return result;
  build.shard = shardRecord(identity!, result, list, shardOf, shard!.index, agents);
  return inPlace(result, shardOf, shard!.index);
}

/** The files made from the whole site (404, sitemap, elements.json, redirects) and the static files, one source per file. */
export async function addSiteFiles(build: SiteBuild, loaded: LoadedSite, rendered: Pick<RenderedSite, "paginated" | "paginatedSources">): Promise<void> {
  const { agents, model } = loaded;
  // llms.txt and llms-full.txt; the latter straight into the output folder, from the twins written there.
  const llms = agents.siteFiles(model.elements.values(), build.outputs, build.written);
  if (build.written) build.written = new Set([...build.written, ...agents.written]);
  const kept = await siteFilesOf(build, loaded, rendered, llms);
  build.outputs.push(...kept.paginated, ...kept.generated, ...kept.redirects);
  build.staticFiles = kept.staticFiles;
}
