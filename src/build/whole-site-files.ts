import path from "node:path";
import {
  generatedClaim,
  outputCollisions,
  pageClaim,
  redirectClaim,
  staticFileClaim,
  type OutputClaim,
} from "../checks/output-collisions.ts";
import type { SourcePage } from "../content/source-page.ts";
import type { DiagnosticList } from "../diagnostics/diagnostic.ts";
import { elementsJson } from "../elements/elements-json.ts";
import { redirectPages, type RedirectPage } from "../render/redirect-pages.ts";
import type { RenderedPage } from "../render/render-page.ts";
import type { SiteBuild } from "../render/site-build.ts";
import type { SiteOutput } from "../render/site-output.ts";
import { sitemap } from "../render/sitemap.ts";
import { staticFiles, type StaticFile } from "../render/static-files.ts";
import { readerSiteFiles } from "../site-files/site-files.ts";
import { compiledSass } from "../site-files/sass-files.ts";
import { atomFeed } from "../site-files/atom-feed.ts";
import type { LoadedSite, RenderedSite } from "./build-site.ts";

/**
 * The files made from the whole site, `llms` (llms.txt and llms-full.txt) among them, and the static files, each
 * kept where no other source writes the same file (src/checks/output-collisions.ts).
 */
export async function siteFilesOf(
  build: SiteBuild,
  { tree: { content }, pages, generatedHome, model, agents }: LoadedSite,
  { paginated, paginatedSources }: Pick<RenderedSite, "paginated" | "paginatedSources">,
  llms: readonly SiteOutput[],
): Promise<ReturnType<typeof oneSourcePerFile>> {
  const { sourceDir, diagnostics } = build;
  const site = build.site!;
  // A tree's own 404 page, robots.txt, sitemap.xml or _headers (a page, a permalink or a file of it) replaces ours,
  // as its own llms.txt does (src/agents/llms-plan.ts).
  const owned = new Set([...pages.map((page) => page.outputPath), ...content.staticFiles].filter((file) => REPLACEABLE.has(file)));
  const generated: SiteOutput[] = [
    // 404.html, robots.txt and the like.
    ...(await readerSiteFiles(sourceDir, site, model, diagnostics)),
    ...(await compiledSass(sourceDir, site, content.sass, diagnostics)),
    sitemap([...pages, ...paginatedSources].filter((page) => page.outputPath !== NOT_FOUND_OUTPUT && /\.html$/.test(page.outputPath)), site),
    { outputPath: "elements.json", url: "/elements.json", html: elementsJson(model.elements, site.baseurl) },
    ...llms,
    // jekyll-feed leaves a tree's own feed file alone, as the files above.
    ...[atomFeed(site)].filter((feed): feed is SiteOutput => feed !== undefined && !pages.some((page) => page.outputPath === feed.outputPath) && !content.staticFiles.includes(feed.outputPath)),
  ].filter((output) => !owned.has(output.outputPath));
  return oneSourcePerFile(
    {
      sourceDir,
      pages,
      generatedHome,
      generated,
      paginated,
      copied: staticFiles(sourceDir, content.staticFiles, diagnostics),
      twins: agents.twinClaims(),
      redirects: redirectPages(pages, site, (diagnostic) => diagnostics.add(diagnostic)),
    },
    diagnostics,
  );
}

const NOT_FOUND_OUTPUT = "404.html";
/** The files we make that a tree may make its own of. */
const REPLACEABLE = new Set([NOT_FOUND_OUTPUT, "robots.txt", "sitemap.xml", "_headers"]);

/**
 * Reports every file of the site that two sources would write (src/checks/output-collisions.ts), and keeps one
 * of each, in this order of precedence: pages, generated files, static files, Markdown twins, redirects.
 */
function oneSourcePerFile(
  parts: {
    sourceDir: string;
    pages: readonly SourcePage[];
    generatedHome: SourcePage | undefined;
    generated: readonly SiteOutput[];
    /** Pages 2 and on of a paginated index. */
    paginated: readonly RenderedPage[];
    copied: readonly StaticFile[];
    /** Markdown twins, written with their pages: a file of the tree at the same path wins, and is reported. */
    twins: readonly OutputClaim[];
    redirects: readonly RedirectPage[];
  },
  diagnostics: DiagnosticList,
): { paginated: SiteOutput[]; generated: SiteOutput[]; redirects: SiteOutput[]; staticFiles: StaticFile[] } {
  // Each claim, with the output it stands for, so that a dropped claim drops that output.
  const claims = new Map<OutputClaim, unknown>();
  for (const page of parts.pages) {
    claims.set(page === parts.generatedHome ? generatedClaim(page.outputPath, "home page") : pageClaim(page.outputPath, page.file, page.keyLines.permalink), page);
  }
  for (const page of parts.paginated) claims.set(generatedClaim(page.outputPath, `page ${page.outputPath} of the pagination of ${page.file}`), page);
  for (const output of parts.generated) claims.set(generatedClaim(output.outputPath), output);
  // The search index is written into its own folder after everything else (src/search/build-search-index.ts).
  claims.set(generatedClaim("pagefind", "search index pagefind/", true), undefined);
  for (const file of parts.copied) {
    const rel = path.relative(parts.sourceDir, file.from).split(path.sep).join("/");
    const inTree = !rel.startsWith("../") && !path.isAbsolute(rel);
    claims.set(inTree ? staticFileClaim(file.to, rel) : generatedClaim(file.to, `theme file ${file.to}`), file);
  }
  for (const twin of parts.twins) claims.set(twin, undefined);
  for (const redirect of parts.redirects) claims.set(redirectClaim(redirect.outputPath, redirect.from), redirect);

  const found = outputCollisions([...claims.keys()]);
  for (const diagnostic of found.diagnostics) diagnostics.add(diagnostic);
  const dropped = new Set([...found.dropped].map((claim) => claims.get(claim)));
  return {
    paginated: parts.paginated.filter((p) => !dropped.has(p)).map(({ outputPath, url, html }) => ({ outputPath, url, html })),
    // A page wins over a generated file of the same name: two outputs for one file would stop the write.
    generated: parts.generated.filter((o) => !dropped.has(o)),
    redirects: parts.redirects.filter((r) => !dropped.has(r)).map(({ from: _from, ...output }) => output),
    staticFiles: parts.copied.filter((file) => !dropped.has(file)),
  };
}
