import { checkTree, elementFoldersOf, unloadedPages, type TreeChecks } from "../checks/check-site.ts";
import { declaredAddresses, SiteFiles, type FileAddress } from "../checks/links/site-files.ts";
import { outputPathFor } from "../content/urls.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { PageShortfall } from "../diagnostics/page-shortfall.ts";
import { unloadedPages as pagesThatDidNotLoad } from "../diagnostics/page-shortfall.ts";
import type { LlmsPlan } from "../agents/llms-plan.ts";
import type { SiteFacts } from "../agents/agent-files.ts";
import type { RenderedPage } from "../render/render-page.ts";
import type { SiteBuild } from "../render/site-build.ts";
import type { SiteOutput } from "../render/site-output.ts";
import type { SeverityLevel } from "../diagnostics/severity.ts";
import type { LoadedSite, RenderedSite } from "./build-site.ts";
import { siteFilesOf } from "./whole-site-files.ts";

/** The shard of a split build that also makes what is made from the whole tree. */
export const SITE_SHARD = 1;

/**
 * What the merge of a split build needs of the tree besides the pages' render, made by shard 1 (every shard loads
 * the whole tree to render its share, so the merge need not load it again: at 20,000 pages that was 3 of its 6 s).
 * The files made from the whole site (404, sitemap, elements.json, redirects, static files) are written into the
 * shard's folder; llms.txt needs every page's render and is the merge's, from `llms`.
 */
export interface SiteShare {
  /** The levels `_config.yml` gives problem codes, applied by the merge to every shard's problems. */
  levels: Array<[code: string, level: SeverityLevel]>;
  /** Problems of the tree found before any page rendered (loading it), then while making the site's files. */
  treeProblems: Diagnostic[];
  siteFileProblems: Diagnostic[];
  /** The checks of the tree alone (src/checks/check-site.ts). */
  checks: TreeChecks;
  notes: string[];
  /** Pages of the tree, those that did not load included, and the shortfalls of those. */
  pagesTotal: number;
  unloaded: PageShortfall[];
  /** The number of pages the tree has (the generated ones included), to tell whether every one rendered. */
  sourcePages: number;
  /** Where pages 2 and on of paginated indexes start in the render order: files of the site, not pages of the tree. */
  paginatedFrom: number;
  /** The site's files besides pages and twins, in the order one build lists them: made from the site, then static. */
  siteFiles: string[];
  staticFiles: string[];
  /** Where every page of the tree is written, those that did not load included (links to them are fine). */
  pageFiles: string[];
  /** The URLs of files that are not their path (`permalink: /docs/noext` for docs/noext.html), for the link check. */
  addresses: FileAddress[];
  elementFolders: string[];
  fragments: string[];
  address: { baseurl: string; url: string };
  llms: { plan: LlmsPlan; site: SiteFacts };
}

/**
 * Makes shard 1's share: writes the site's files into the build (`outputs`, `staticFiles`: written with the shard's
 * pages) and records the rest. Pages 2 and on of a paginated index are each written by the shard that rendered
 * them, so they take part here only by their paths.
 */
export async function siteShare(build: SiteBuild, loaded: LoadedSite, rendered: RenderedSite, notes: string[]): Promise<SiteShare> {
  const site = build.site!;
  const { agents, model, pages } = loaded;
  const diagnostics = build.diagnostics;
  const before = diagnostics.items.length;
  const plan = agents.llmsPlan(model.elements.values());
  const llms: SiteOutput[] = plan.ours.map((file) => ({ outputPath: file, url: `/${file}`, html: "" }));
  const paginated = rendered.paginatedSources.map((page): RenderedPage => ({ file: page.file, url: page.url, outputPath: page.outputPath, html: "", dependencies: [] }));
  const kept = await siteFilesOf(build, loaded, { paginated, paginatedSources: rendered.paginatedSources }, llms);
  const siteFileProblems = diagnostics.items.slice(before);
  const keptLlms = new Set(kept.generated.filter((output) => llms.includes(output)));
  build.outputs.push(...kept.generated.filter((output) => !keptLlms.has(output)), ...kept.redirects);
  build.staticFiles = kept.staticFiles;

  const unloaded = unloadedPages(build);
  const pageFiles = [...[...build.sourcePages.values()].map((page) => page.outputPath), ...unloaded.map((d) => outputPathFor(d.file))];
  const siteFiles = [...kept.paginated, ...kept.generated, ...kept.redirects].map((output) => output.outputPath);
  const staticFiles = kept.staticFiles.map((file) => file.to);
  // The front matter's `breadcrumbs` must name a file of the site: every page and twin of the tree counts here (the
  // merge alone knows which did not render, whose links it lets pass anyway).
  const twins = pages.flatMap((page) => agents.twinOf(page.file) ?? []);
  // URLs that are not their file's path (permalinks, redirects): pages rendered by other shards have theirs too.
  const addresses = declaredAddresses([...kept.paginated, ...kept.generated, ...kept.redirects, ...build.sourcePages.values()]);
  const checks = checkTree(build, new SiteFiles([...siteFiles, ...staticFiles, ...pageFiles, ...twins], addresses));

  return {
    levels: [...diagnostics.levelsInUse()],
    treeProblems: diagnostics.items.slice(0, rendered.treeProblems),
    siteFileProblems,
    checks,
    notes,
    pagesTotal: build.pages?.total ?? 0,
    unloaded: pagesThatDidNotLoad(loaded.tree.loading.items),
    sourcePages: build.sourcePages.size,
    paginatedFrom: pages.length,
    siteFiles,
    staticFiles,
    pageFiles,
    addresses,
    elementFolders: [...elementFoldersOf(build)],
    fragments: build.fragments ?? [],
    address: { baseurl: site.baseurl, url: site.url },
    llms: { plan, site: { title: agents.site.title, description: agents.site.description, url: agents.site.url, baseurl: agents.site.baseurl } },
  };
}
