import fs from "node:fs";
import path from "node:path";
import { mergedSite } from "../build/merged-site.ts";
import { moveShardFiles, readShards } from "../build/merge-shards.ts";
import { countsLine } from "../diagnostics/problem-report.ts";
import { checkedReport, summaryStream } from "./checked-report.ts";
import { movesJournalOf, swapIn } from "./atomic-output.ts";
import type { CliBuildOptions } from "./build-options.ts";
import type { StepTimer } from "./step-timer.ts";

/**
 * `--merge DIR...`: one site from the shards of a split. Takes each page's render from the manifests and what shard
 * 1 made of the tree (a checkout of another commit is refused), runs the site-wide checks and prints the report as
 * a one-machine build does, then moves the shards' files and search bundles in, writes llms.txt and
 * llms-full.txt, and swaps the site in. A merge that fails gives the shards their files back, so it can
 * be run again; one killed while it moves (kill -9) has its moves undone by the next build to the same folder.
 */
export async function buildMerge(options: CliBuildOptions, staging: string, { step, elapsed }: StepTimer): Promise<number> {
  const shards = readShards(options.merge!);
  const merged = step("render", () => mergedSite(shards, { sourceDir: options.sourceDir, baseurl: options.baseurl }));
  const build = merged.build;
  const { report, failed } = checkedReport(build, options, step, merged.check);
  if (failed) {
    process.stderr.write(mergeFailed(options.outDir));
    return 1;
  }
  // The shards' files, whole folders where one shard alone wrote them (shard 1's: the files made from the whole site).
  // Beside the staging folder, so that a merge killed while it moves is undone by the next (src/cli/atomic-output.ts).
  const journal = movesJournalOf(staging);
  const { bundles, searchPages, undo } = step("move", () => moveShardFiles(shards, staging, journal));
  let oldSiteDeleted: Promise<void>;
  try {
    step("write", () => merged.writeLlms(staging));
    oldSiteDeleted = swapIn(staging, options.outDir);
  } catch (error) {
    // The shards get their files back before the staging folder is discarded: a failed merge can be run again.
    undo();
    fs.rmSync(journal, { force: true });
    throw error;
  }
  fs.rmSync(journal, { force: true });
  // The shard folders gave up their files; what is left (their manifests, empty folders) is removed. The site is in
  // place already: a folder that cannot be removed is said so, and the merge has still succeeded.
  for (const dir of shards.dirs) {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      process.stderr.write(`warning: the site is merged, but what is left of the shard folder ${path.relative(".", dir) || "."} could not be removed (${code}): remove it yourself.\n`);
    }
  }
  const seconds = elapsed();
  summaryStream(options.format).write(
    `Merged ${shards.dirs.length} ${shards.dirs.length === 1 ? "shard" : "shards"}: ${build.pageCount.toLocaleString("en-US")} pages in ${seconds.toFixed(2)} s, ${countsLine(report)}\n` +
      `Search index: ${searchPages.toLocaleString("en-US")} ${searchPages === 1 ? "page" : "pages"} in ${bundles.length + 1} ${bundles.length ? "bundles" : "bundle"}\n`,
  );
  await oldSiteDeleted;
  return 0;
}

/** The last line of a failed merge: the shards have their files back, and it can be run again. */
export function mergeFailed(outDir: string): string {
  return `Merge failed: nothing was written; ${path.relative(".", outDir) || "."} and the shard folders are unchanged.\n`;
}
