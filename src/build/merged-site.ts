import fs from "node:fs";
import path from "node:path";
import { llmsFiles } from "../agents/llms-files.ts";
import { checkRenderedSite, schemaContext, unloadedPages } from "../checks/check-site.ts";
import { SiteFiles } from "../checks/links/site-files.ts";
import { foldMissingConfig } from "../checks/missing-config.ts";
import { loadSiteConfig } from "../config/site-config.ts";
import { DiagnosticError, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { RenderedPage } from "../render/render-page.ts";
import type { SiteBuild } from "../render/site-build.ts";
import { emptyBuild } from "./build-site.ts";
import { localPath } from "./portable-paths.ts";
import { collisionWinners, type ShardSet } from "./merge-shards.ts";
import { ShardRefusal } from "./shard-manifest.ts";
import type { SiteShare } from "./site-share.ts";
import { checkoutIdentity } from "./tree-fingerprint.ts";
import { TWIN_PART_FILE } from "./twin-part.ts";

/**
 * The site of a split build as one build of the whole tree would hold it before writing: every shard's pages and
 * problems in one build's order, and what shard 1 made of the tree (src/build/site-share.ts). The merge loads no
 * page of the tree: only its configuration (`_config.yml` and `_data`), the templates (which page keys they read)
 * and the baseline.
 */
export interface MergedSite {
  build: SiteBuild;
  /** The site-wide checks, as `checkSite` runs them on one build (src/checks/check-site.ts). */
  check(): void;
  /** Writes llms.txt and llms-full.txt into `dir`, where the shards' files (their twins among them) now are. */
  writeLlms(dir: string): void;
}

export function mergedSite(shards: ShardSet, options: { sourceDir: string; baseurl?: string }): MergedSite {
  const share = shards.manifests[0].site!;
  const build = emptyBuild(options.sourceDir);
  try {
    build.site = loadSiteConfig(build.sourceDir, { baseurl: options.baseurl });
  } catch (error) {
    if (!(error instanceof DiagnosticError)) throw error;
    for (const problem of error.all) build.diagnostics.add(problem);
    return { build, check: () => {}, writeLlms: () => {} };
  }
  refuseOtherCheckout(shards, build.site.baseurl, build.sourceDir);

  const positionOf = new Map<string, number>();
  for (const manifest of shards.manifests) for (const [file, position] of manifest.positions) positionOf.set(file, position);
  const at = (file: string) => positionOf.get(file) ?? Number.MAX_SAFE_INTEGER;
  // Pages 2 and on of a paginated index were written by their shards; they are no pages of the tree to check.
  const entries = shards.manifests
    .flatMap((manifest) => manifest.pages)
    .filter((entry) => entry.position < share.paginatedFrom)
    .sort((a, b) => a.position - b.position);

  // The problems in the order one build finds them: loading the tree, rendering page after page, the site's files.
  const { diagnostics } = build;
  diagnostics.useLevels(new Map(share.levels));
  for (const diagnostic of share.treeProblems) diagnostics.add(diagnostic);
  for (const diagnostic of inPageOrder(shards.manifests.flatMap((m) => m.diagnostics), at)) diagnostics.add(diagnostic);
  for (const diagnostic of share.siteFileProblems) diagnostics.add(diagnostic);

  build.rendered = entries.map(({ page }) => ({ ...page, dependencies: page.dependencies.map((file) => localPath(file, build.sourceDir)) }));
  build.pageCount = build.rendered.length;
  build.notes = share.notes;
  build.pages = {
    total: share.pagesTotal,
    rendered: build.rendered.length,
    shortfalls: [...share.unloaded, ...shards.manifests.flatMap((m) => m.shortfalls).sort((a, b) => at(a.file) - at(b.file))],
  };

  return {
    build,
    check: () => checkMerged(build, share, entries.map((entry, i) => ({ ...entry, page: build.rendered[i] }))),
    writeLlms(dir) {
      const summaries = new Map(entries.map(({ page, summary, heading }) => [page.file, { summary, heading }]));
      const twinText = twinReader(shards, dir);
      const made = llmsFiles(share.llms.plan, share.llms.site, { summaryOf: (file) => summaries.get(file) ?? {}, twin: twinText, writeTo: dir });
      for (const output of made.outputs) if (!made.written.includes(output.outputPath)) fs.writeFileSync(path.join(dir, output.outputPath), output.html);
    },
  };
}

/** `checkSite` of one build, on the shards' pages and what shard 1 found in the tree. */
function checkMerged(build: SiteBuild, share: SiteShare, entries: ReadonlyArray<{ page: RenderedPage; twin?: string; breadcrumbs?: string }>): void {
  const unloaded = unloadedPages(build);
  // Every file of the site, in the order one build lists them: pages, their twins, files made from the site, static files.
  const paths = [
    ...entries.map(({ page }) => page.outputPath),
    ...entries.flatMap(({ twin }) => twin ?? []),
    ...share.siteFiles,
    ...share.staticFiles,
    ...share.pageFiles,
  ];
  const files = new SiteFiles(paths, [...entries.map(({ page }) => page), ...share.addresses]);
  const found = checkRenderedSite(
    {
      sourceDir: build.sourceDir,
      files,
      address: share.address,
      context: schemaContext(build, files),
      pages: entries.map(({ page, breadcrumbs }) => ({ ...page, breadcrumbs })),
      elementFolders: new Set(share.elementFolders),
      fragments: share.fragments,
      somePageFailed:
        unloaded.length > 0 || build.rendered.length < share.sourcePages || (build.pages?.shortfalls.some((s) => s.outcome !== "our-layout") ?? false),
    },
    share.checks,
  );
  for (const diagnostic of found) build.diagnostics.add(diagnostic);
  foldMissingConfig(build.sourceDir, build.diagnostics);
}

/**
 * The merge takes the shards' site as they built it; it refuses a checkout of another commit, generator or base path,
 * or whose configuration and templates, which it reads for its checks and report, differ from the shards'.
 */
function refuseOtherCheckout(shards: ShardSet, baseurl: string, sourceDir: string): void {
  const own = checkoutIdentity(sourceDir, baseurl);
  const { identity } = shards.manifests[0];
  const dir = shards.dirs[0];
  const differ = (how: string) =>
    new ShardRefusal(`${dir} and this checkout are not the same build: they were built ${how}.`, "Build every shard and the merge from one checkout, with the same options and version of Element Guides.");
  if (identity.generator !== own.generator) throw differ(`by different versions of Element Guides (${identity.generator} and ${own.generator})`);
  if (identity.commit !== own.commit) throw differ(`from different commits (${short(identity.commit)} and ${short(own.commit)})`);
  if (identity.baseurl !== own.baseurl) throw differ(`for different base paths (--base "${identity.baseurl || "/"}" and "${own.baseurl || "/"}")`);
  if (identity.settings !== own.settings) throw differ("with other configuration or templates (_config.yml, _data, _includes, _layouts)");
}

function short(commit: string | undefined): string {
  return commit ? commit.slice(0, 12) : "no git commit";
}

/** A twin's text from its shard's TWIN_PART_FILE; one that is not there, from the site folder, as one build reads it. */
function twinReader(shards: ShardSet, dir: string): (twin: string) => Buffer {
  const where = new Map<string, { part: number; offset: number; length: number }>();
  const winners = collisionWinners(shards.manifests);
  shards.manifests.forEach((manifest, part) => {
    for (const [twin, offset, length] of manifest.twins) if ((winners.get(twin) ?? part) === part) where.set(twin, { part, offset, length });
  });
  const parts = shards.dirs.map((shardDir) => fs.readFileSync(path.join(shardDir, TWIN_PART_FILE)));
  return (twin) => {
    const range = where.get(twin);
    return range ? parts[range.part].subarray(range.offset, range.offset + range.length) : fs.readFileSync(path.join(dir, twin));
  };
}

/**
 * One build adds each page's problems in page order, and a problem met by several pages (a broken include) lists their
 * include chains in that order: the shards' problems are put back in that order, one chain at a time.
 */
function inPageOrder(diagnostics: Diagnostic[], positionOf: (file: string) => number): Diagnostic[] {
  const single = diagnostics.flatMap((diagnostic) => {
    const chains = diagnostic.chains ?? (diagnostic.chain ? [diagnostic.chain] : []);
    if (chains.length === 0) return [{ diagnostic, position: positionOf(diagnostic.file) }];
    return chains.map((chain) => {
      const { chains: _all, ...rest } = diagnostic;
      return { diagnostic: { ...rest, chain }, position: positionOf(chain[0].replace(/:\d+$/, "")) };
    });
  });
  return single.sort((a, b) => a.position - b.position).map((entry) => entry.diagnostic);
}
