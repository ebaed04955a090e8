// The live preview's view of a source tree: loaded with the build's own steps (src/build/build-site.ts), but
// nothing rendered yet. Pages are rendered when the browser asks for them (src/dev/preview-session.ts).
import path from "node:path";
import type { SiteConfig } from "../config/site-config.ts";
import { ParsedFiles } from "../content/parsed-files.ts";
import type { SourcePage } from "../content/source-page.ts";
import { DiagnosticList } from "../diagnostics/diagnostic.ts";
import { severitySettings, type SeverityLevel } from "../diagnostics/severity.ts";
import { deferredCodeHighlighter, type DeferredCodeHighlighter } from "../markdown/highlight/code-highlighter.ts";
import { readHighlightCache } from "../markdown/highlight/persistent-cache.ts";
import { GENERATOR_ROOT } from "../paths.ts";
import { buildOfTree, emptyBuild, loadSite, siteFromTree, type BuildOptions, type LoadedSite, type SiteBuild } from "../build/build-site.ts";
import { createRenderer } from "../render/create-renderer.ts";
import { jekyllSite } from "../render/jekyll-site.ts";
import { unloadedPages } from "../diagnostics/page-shortfall.ts";
import type { SiteRenderer } from "../render/site-renderer.ts";
import { staticFiles, type StaticFile } from "../render/static-files.ts";

export interface PreviewSite {
  sourceDir: string;
  /** What the build knows after loading: site config, pages by file, model, fragments, the problems of loading. */
  build: SiteBuild & { site: NonNullable<SiteBuild["site"]> };
  loaded: LoadedSite;
  /** Every page to render, as templates see it: the tree's pages, then pages 2 and on of a pagination. */
  pages: SourcePage[];
  /** Pages 2 and on of a paginated index: rendered and written, not pages of the tree of their own. */
  paginated: SourcePage[];
  /** The pages as parsed at this load; a save re-reads a page through it, and the next load takes it over. */
  parsedFiles: ParsedFiles;
  /** The page written at each output path (the first, when two claim one path). */
  byOutput: Map<string, SourcePage>;
  /** Page files whose front matter did not load: each gets an error page at its URL. */
  unloaded: string[];
  /** Every file of the tree the load read or listed, relative: a save of another file may add to the site. */
  knownFiles: Set<string>;
  /** The levels `_config.yml` gives diagnostic codes. */
  levels: ReadonlyMap<string, SeverityLevel>;
  /** Our assets and the tree's static files, before the whole-site step drops any that clash with a page. */
  staticFiles: StaticFile[];
  /** Liquid, Markdown and Shiki for this tree; made once per load, shared by every page's render. */
  renderer: SiteRenderer;
  /**
   * The renderer's highlighter, which loads Shiki only when told to: the first page does not wait for its
   * grammars unless it has code that the highlight cache does not hold (src/dev/preview-session.ts).
   */
  highlighter: DeferredCodeHighlighter;
  /** The highlight cache as this load read it: a site made again from the same tree uses it, not the file again. */
  highlightSeed: Array<[string, string]>;
}

/** The tree could not be loaded at all (_config.yml or _data did not): every page shows these problems. */
export interface FailedSite {
  failed: DiagnosticList;
}

/**
 * Loads the tree as `npm run build` does (no page rendered); posts are rendered for `site.posts`, as Jekyll does.
 * `highlighter`: the one of the tree's last load, whose highlighted blocks are still good; `earlier`: that load's
 * site, whose parsed pages are still good while their files are unchanged.
 */
export async function loadPreviewSite(
  options: BuildOptions,
  highlighter = deferredCodeHighlighter(),
  earlier?: PreviewSite,
): Promise<PreviewSite | FailedSite> {
  const build = emptyBuild(options.sourceDir);
  const parsedFiles = new ParsedFiles(earlier?.parsedFiles);
  const loaded = await loadSite(build, { ...options, parsedFiles });
  parsedFiles.loaded();
  if (!loaded || !build.site) return { failed: build.diagnostics };
  const cacheDir = options.cacheDir ?? path.join(GENERATOR_ROOT, ".cache");
  const highlightSeed = cacheDir ? readHighlightCache(cacheDir) : [];
  return previewSite(build, build.site, loaded, { highlighter, highlightSeed, parsedFiles });
}

/**
 * The site made again from the tree `earlier` read, into which saved pages whose front matter changed were put
 * (src/dev/page-reread.ts): their new titles or order reach the sidebar, the catalog and `site.pages`, and nothing
 * is read from disk: on 1,500 pages a new title showed in 200-350 ms with the tree read again, now in 110-160 ms.
 */
export async function remadePreviewSite(earlier: PreviewSite, options: BuildOptions): Promise<PreviewSite> {
  const { tree } = earlier.loaded;
  const build = buildOfTree(earlier.sourceDir, tree);
  const loaded = await siteFromTree(build, tree, options);
  return previewSite(build, build.site!, loaded, earlier);
}

/** The preview's site of a tree loaded into `build`: posts rendered, the pages as templates see them, a renderer. */
async function previewSite(
  build: SiteBuild,
  site: SiteConfig,
  loaded: LoadedSite,
  { highlighter, highlightSeed, parsedFiles }: Pick<PreviewSite, "highlighter" | "highlightSeed" | "parsedFiles">,
): Promise<PreviewSite> {
  const { sourceDir } = build;
  const render = { sourceDir, site, model: loaded.model, highlightSeed, workers: 0 };
  const jekyll = await jekyllSite({ pages: loaded.pages, content: loaded.tree.content, settings: loaded.tree.settings, render }, build.diagnostics);
  build.site = jekyll.site;
  const renderer = await createRenderer(sourceDir, jekyll.site, loaded.model, highlightSeed, highlighter);

  const pages = [...jekyll.pages, ...jekyll.paginated];
  const byOutput = new Map<string, SourcePage>();
  for (const page of pages) if (!byOutput.has(page.outputPath)) byOutput.set(page.outputPath, page);
  const { content } = loaded.tree;
  const unloaded = unloadedPages(loaded.tree.loading.items).map((shortfall) => shortfall.file);
  return {
    sourceDir,
    build: { ...build, site: jekyll.site },
    loaded,
    pages,
    paginated: jekyll.paginated,
    parsedFiles,
    byOutput,
    unloaded,
    knownFiles: new Set([...build.sourcePages.keys(), ...content.staticFiles, ...content.fragments, ...content.unpublished, ...unloaded]),
    levels: severitySettings(sourceDir, jekyll.site).levels,
    staticFiles: staticFiles(sourceDir, content.staticFiles, new DiagnosticList()),
    renderer,
    highlighter,
    highlightSeed,
  };
}
