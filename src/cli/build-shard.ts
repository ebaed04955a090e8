import path from "node:path";
import { portablePath } from "../build/portable-paths.ts";
import { filesOf, SHARD_OWN_FILES } from "../build/merge-shards.ts";
import { writeManifest } from "../build/shard-manifest.ts";
import { writeSite } from "../build/write-site.ts";
import { siteProblemReport } from "../diagnostics/problem-report.ts";
import { printReport } from "../diagnostics/print-diagnostics.ts";
import { buildSearchIndex } from "../search/build-search-index.ts";
import { startSearchFeed, type SearchFeed } from "../search/search-feed.ts";
import { swapIn } from "./atomic-output.ts";
import type { CliBuildOptions } from "./build-options.ts";
import { searchIndexFailed } from "./cli-errors.ts";
import { summaryStream } from "./checked-report.ts";
import { printNotes } from "./print-notes.ts";
import { renderStep } from "./render-step.ts";
import type { StepTimer } from "./step-timer.ts";

/**
 * `--shard K/N`: renders this shard's pages into `staging` with their twins, indexes them for search, writes the
 * manifest the merge reads (src/build/shard-manifest.ts), and swaps the folder in. The site-wide checks, and so the
 * report of problems, are the merge's: a shard fails only when the site cannot load at all.
 */
export async function buildShard(options: CliBuildOptions, staging: string, { step, elapsed }: StepTimer): Promise<number> {
  const shard = options.shard!;
  let search: SearchFeed | undefined;
  try {
    search = await startSearchFeed(staging);
    const build = await renderStep(options, staging, step, { shard, search, label: `Rendering shard ${shard.index}/${shard.count}:` });
    printNotes(build.notes);
    const record = build.shard;
    if (!record) {
      // _config.yml did not load: nothing was rendered, and the merge could do nothing either.
      const report = siteProblemReport({ ...build, loaded: false }, options.showBaselined);
      printReport(report, { format: options.format, sourceDir: options.sourceDir, pages: build.pages });
      process.stderr.write(`Shard ${shard.index}/${shard.count} failed: nothing was written.\n`);
      return 1;
    }
    // Shard 1 also copies the static files (src/build/site-share.ts). A clash is refused before anything is written.
    const files = new Set([...(build.written ?? []), ...build.outputs.map((output) => output.outputPath), ...build.staticFiles.map((file) => file.to)]);
    const taken = [...files].find((file) => SHARD_OWN_FILES.has(file));
    if (taken) {
      process.stderr.write(
        `The tree writes ${taken} at the site's root, the name under which a shard keeps its own file for the merge.\n` +
          `  hint: Rename that file of the tree to build the site in shards (a one-machine build takes it as it is).\n` +
          `Shard ${shard.index}/${shard.count} failed: nothing was written.\n`,
      );
      return 1;
    }
    await step("write", () => writeSite(build, staging));
    const indexed = await step("search", () => buildSearchIndex(staging, search));
    const bytes = writeManifest(staging, {
      identity: record.identity,
      shard,
      pages: record.pages.map((entry) => ({
        ...entry,
        page: { ...entry.page, dependencies: entry.page.dependencies.map((file) => portablePath(file, options.sourceDir)) },
      })),
      positions: record.positions,
      twins: build.split?.twins ?? [],
      site: build.split?.site,
      diagnostics: record.diagnostics,
      shortfalls: record.shortfalls,
      files: [...files].sort(),
      searchPages: indexed.pageCount,
      searchFiles: filesOf(path.join(staging, "pagefind")).map(([file, size]) => [`pagefind/${file}`, size]),
      // For the merge (src/build/merge-shards.ts): whether this shard's index holds only marked pages.
      searchBodyPages: search.markedPages,
    });
    const oldSiteDeleted = swapIn(staging, options.outDir);
    const found = record.diagnostics.length;
    const problems = found ? `; ${found} ${found === 1 ? "problem" : "problems"} found, reported by the merge` : "";
    summaryStream(options.format).write(
      `Built shard ${shard.index}/${shard.count}: ${record.pages.length.toLocaleString("en-US")} of ${(build.pages?.total ?? 0).toLocaleString("en-US")} pages ` +
        `in ${elapsed().toFixed(2)} s into ${path.relative(".", options.outDir) || "."} (manifest ${(bytes / 1024).toFixed(0)} KiB)${problems}\n`,
    );
    await oldSiteDeleted;
    return 0;
  } catch (error) {
    // Pagefind failing to start or to index (any other error is thrown on).
    return searchIndexFailed(error, `Shard ${shard.index}/${shard.count} failed: nothing was written.`);
  } finally {
    await search?.close();
  }
}
