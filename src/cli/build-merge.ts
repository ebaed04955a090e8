import fs from "node:fs";
import path from "node:path";
import { buildSite } from "../build/build-site.ts";
import { moveShardFiles, readShards, renderedByShards } from "../build/merge-shards.ts";
import { writeSite } from "../build/write-site.ts";
import { countsLine } from "../diagnostics/problem-report.ts";
import { checkedReport } from "./checked-report.ts";
import { writeShardList } from "../search/shard-list.ts";
import { swapIn } from "./atomic-output.ts";
import type { CliBuildOptions } from "./build-options.ts";
import type { StepTimer } from "./step-timer.ts";

/**
 * `--merge DIR...`: one site from the shards of a split. Loads the tree (the same checkout the shards were built
 * from; anything else is refused), takes each page's render from the manifests, runs the site-wide checks and
 * prints the report as a one-machine build does, then writes the files made from the whole site, moves the shards'
 * pages and search bundles in, and swaps the site in. A merge that fails gives the shards their files back, so it can
 * be run again; only one killed while it moves (kill -9) leaves them incomplete, which the next merge refuses.
 */
export async function buildMerge(options: CliBuildOptions, staging: string, { step, elapsed }: StepTimer): Promise<number> {
  const shards = readShards(options.merge!);
  const build = await step("render", () =>
    buildSite({
      sourceDir: options.sourceDir,
      baseurl: options.baseurl,
      writeTo: staging,
      renderedElsewhere: renderedByShards(shards),
      // The shards highlighted the pages; the merge renders at most the posts' content, for site.posts, and reading a
      // big site's highlight cache would cost it more (at 20,000 pages, tens of megabytes of JSON) than that saves.
      cacheDir: false,
    }),
  );
  const { report, failed } = checkedReport(build, options, step);
  if (failed) {
    process.stderr.write(`Merge failed: nothing was written; ${path.relative(".", options.outDir) || "."} and the shard folders are unchanged.\n`);
    return 1;
  }
  // The shards' files first, whole folders where one shard alone wrote them; then the files made from the whole site.
  const { bundles, searchPages, undo } = step("move", () => moveShardFiles(shards, staging));
  try {
    writeShardList(path.join(staging, "pagefind"), bundles);
    await step("write", () => writeSite(build, staging));
    swapIn(staging, options.outDir);
  } catch (error) {
    // The shards get their files back before the staging folder is discarded: a failed merge can be run again.
    undo();
    throw error;
  }
  // The shard folders gave up their files; what is left (their manifests, empty folders) is removed.
  for (const dir of shards.dirs) fs.rmSync(dir, { recursive: true, force: true });
  const seconds = elapsed();
  process.stdout.write(
    `Merged ${shards.dirs.length} shards: ${build.pageCount.toLocaleString("en-US")} pages in ${seconds.toFixed(2)} s, ${countsLine(report)}\n` +
      `Search index: ${searchPages.toLocaleString("en-US")} ${searchPages === 1 ? "page" : "pages"} in ${bundles.length + 1} ${bundles.length ? "bundles" : "bundle"}\n`,
  );
  return 0;
}
