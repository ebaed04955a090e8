// `npm run build -- [--source DIR] [--out DIR] [--base /path/] [--strict] [--show-baselined] [--format F]
// [--timings FILE] [--shard K/N | --merge DIR...]`: render, check, then write the site atomically; or one shard of it,
// or the site from its shards.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import { writeSite } from "../build/write-site.ts";
import { countsLine } from "../diagnostics/problem-report.ts";
import { checkedReport, summaryStream } from "./checked-report.ts";
import { buildSearchIndex, searchIndexSummary, type SearchIndexResult } from "../search/build-search-index.ts";
import { SearchIndexError, startSearchFeed, type SearchFeed } from "../search/search-feed.ts";
import { discard, inSiteName, stagingDirFor, swapIn } from "./atomic-output.ts";
import { parseBuildArgs, type CliBuildOptions } from "./build-options.ts";
import { buildMerge, mergeFailed } from "./build-merge.ts";
import { buildShard } from "./build-shard.ts";
import { ShardRefusal } from "../build/shard-manifest.ts";
import { reportUsageError, searchIndexFailed, withIoErrorsReported } from "./cli-errors.ts";
import { answerBeforeOptions, type CommandHelp } from "./help.ts";
import { checkOutputDir, checkTimingsFile, outputFolder, OUTPUT_HINT, realPathOf } from "../build/output-guard.ts";
import { renderStep } from "./render-step.ts";
import { stepTimer, type StepTimer } from "./step-timer.ts";
import { keepStdoutForReport } from "./stdout-for-report.ts";
import { catchStrayRejections } from "../plugins/stray-rejections.ts";

const USAGE =
  "Usage: npm run build -- [--source DIR] [--out DIR] [--base /path/] [--strict] [--show-baselined] [--format human|json|github] [--timings FILE] [--workers N] [--shard K/N | --merge DIR...]";

const HELP: CommandHelp = {
  usage: USAGE,
  does: "Renders the site, checks it, indexes it for search, and puts it in place of the last one only if nothing failed.",
  options: [
    ["--source DIR", "the site's folder, with _config.yml and docs/ (default: the current folder)"],
    ["--out DIR", "where the site goes (default: _site); never the source folder or one holding it"],
    ["--base /path/", "the path the site is served under, overriding baseurl: in _config.yml"],
    ["--strict", "warnings fail the build too"],
    ["--show-baselined", "print the problems the baseline knows too, not only their count"],
    ["--format F", "how problems are reported: human, json or github (default: github inside GitHub Actions, else human)"],
    ["--timings FILE", "write the seconds each step took, as JSON"],
    ["--workers N", "render threads besides the main one (default: one per spare core on a large site)"],
    ["--shard K/N", "build only part K of N of the site, into --out, for a CI matrix"],
    ["--merge DIR...", "make the site from the shard folders built with --shard"],
  ],
};

async function main(): Promise<number> {
  const early = answerBeforeOptions(process.argv.slice(2), HELP);
  if (early !== undefined) return early;
  let options: CliBuildOptions;
  try {
    options = parseBuildArgs(process.argv.slice(2));
  } catch (error) {
    // A mistyped option is the user's mistake, not a crash: say what is wrong, as `npm run check` does.
    return reportUsageError(error, USAGE);
  }
  // V8 lets the heap grow to several times what is live before it collects it all: on 10,000 pages the build held
  // 640 MiB with 140 MiB live. Growing it by a quarter at a time kept it at 350 MiB (160 instead of 230 MiB on
  // 1,500 pages) for no measurable CPU. A shard or a merge holds the whole tree as it starts, and there the many more
  // collections cost 15-20% of a shard's CPU (20,000 pages, 1 shard of 4): they are for a matrix's runners, not for
  // a small machine, and keep V8's own growth. Read at each collection, so setting it here, before rendering, is enough.
  if (!options.shard && !options.merge) v8.setFlagsFromString("--heap-growing-percent=25");
  keepStdoutForReport(options.format);
  catchStrayRejections(options.sourceDir);
  const refusal = checkOutputDir(options.outDir, options.sourceDir) ?? shardFolderOverlap(options);
  if (refusal) {
    process.stderr.write(`${refusal} Nothing was written.\n  hint: ${OUTPUT_HINT}\n`);
    return 2;
  }
  const timings = options.timingsFile === undefined ? undefined : checkTimingsFile(options.timingsFile, options.sourceDir, options.outDir);
  if (timings) {
    process.stderr.write(`${timings} Nothing was written.\n  hint: Give --timings a file outside the source folder and the site, such as timings.json in the current folder.\n`);
    return 2;
  }
  options.outDir = outputFolder(options.outDir);
  return withIoErrorsReported(() => buildInto(options), {
    path: options.outDir,
    shown: inSiteName(options.outDir),
    // A merge that fails gives the shards their files back (src/cli/build-merge.ts): it can be run again.
    after: options.merge ? mergeFailed(options.outDir) : `Build failed: ${unchanged(options.outDir)}\n`,
  });
}

/**
 * `--merge` moves files out of the shard folders: the site cannot be one of them, nor hold one, nor sit in one,
 * however a symlink names it (the merge would delete the shard folder that the site went into).
 */
function shardFolderOverlap({ outDir, merge = [] }: CliBuildOptions): string | undefined {
  const inside = (dir: string, parent: string) => dir === parent || dir.startsWith(parent + path.sep);
  const site = realPathOf(outDir);
  const shard = merge.find((dir) => inside(site, realPathOf(dir)) || inside(realPathOf(dir), site));
  return shard && `--out ${path.relative(".", outDir) || "."} overlaps the shard folder ${path.relative(".", shard) || "."}: the merge moves the shards' files into a site of its own.`;
}

/** The signals that stop a build from outside: a terminal's Ctrl-C and hang-up, and `kill` or a CI job cancelled. */
const STOP_SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

function unchanged(outDir: string): string {
  return `nothing was written; ${path.relative(".", outDir) || "."} is unchanged.`;
}

async function buildInto(options: CliBuildOptions): Promise<number> {
  const timer = stepTimer();
  // Made first, so that a folder that cannot be written is reported before any time is spent rendering.
  const staging = stagingDirFor(options.outDir);
  // Pagefind runs in a process of its own; when it dies (a full disk makes it panic) its promise never settles
  // and Node would exit with 13 in silence. The build then ends here instead, as any failed build does.
  const stalled = () => {
    discard(staging);
    // Said as when Pagefind's API reports the stop itself, which of the two comes first being a matter of timing.
    process.exitCode = searchIndexFailed(SearchIndexError.processStopped(), `Build failed: ${unchanged(options.outDir)}`);
  };
  process.once("beforeExit", stalled);
  // Ctrl-C, or CI cancelling a job, stops the build: its half-written site goes with it, not left beside the output.
  const stopped = (signal: NodeJS.Signals) => {
    // Once swapped in, the staging folder is the site, and only the previous one is still being deleted.
    if (fs.existsSync(staging)) {
      discard(staging);
      process.stderr.write(`\nBuild stopped (${signal}): ${unchanged(options.outDir)}\n`);
    }
    process.exit(128 + os.constants.signals[signal]);
  };
  for (const signal of STOP_SIGNALS) process.once(signal, stopped);
  try {
    // `--shard` and `--merge` split the same steps across CI jobs (issue 14): src/cli/build-shard.ts, build-merge.ts.
    const build = options.shard ? buildShard : options.merge ? buildMerge : renderCheckWrite;
    const status = await build(options, staging, timer);
    if (status === 0 && options.timingsFile) {
      timer.timings.total = timer.elapsed();
      try {
        fs.writeFileSync(options.timingsFile, JSON.stringify(timer.timings, null, 2) + "\n");
      } catch (error) {
        // The site is in place by now: say so, rather than that nothing was written.
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        process.stderr.write(`The site is written to ${path.relative(".", options.outDir) || "."}, but --timings ${options.timingsFile} could not be written (${code}).\n`);
        return 1;
      }
    }
    return status;
  } catch (error) {
    if (!(error instanceof ShardRefusal)) throw error;
    process.stderr.write(`Merge refused: ${error.message}
  hint: ${error.hint}
Nothing was written; the shard folders are unchanged.
`);
    return 1;
  } finally {
    process.off("beforeExit", stalled);
    for (const signal of STOP_SIGNALS) process.off(signal, stopped);
    // Swapped in on success; anything left is a failed build's.
    discard(staging);
  }
}

async function renderCheckWrite(options: CliBuildOptions, staging: string, timer: StepTimer): Promise<number> {
  // Pagefind indexes each page as it is written, in its own process, while the next pages render.
  let search: SearchFeed | undefined;
  try {
    search = await startSearchFeed(staging);
    return await renderCheckWriteIndex(options, staging, timer, search);
  } catch (error) {
    // Pagefind failing to start or to index (any other error is thrown on).
    return searchIndexFailed(error, `Build failed: ${unchanged(options.outDir)}`);
  } finally {
    await search?.close();
  }
}

async function renderCheckWriteIndex(
  options: CliBuildOptions,
  staging: string,
  { step, elapsed }: StepTimer,
  search: SearchFeed,
): Promise<number> {
  const build = await renderStep(options, staging, step, { search, label: "Rendering" });
  // The files made from the whole site, written by us, not Eleventy (src/build/write-site.ts says why), into the
  // staging folder, which a failed build discards: Pagefind then has every page, and writes the last bundle of the
  // index while the checks run (0.15 s on 1,500 pages, which used to come after them).
  await step("write", () => writeSite(build, staging));
  await search.writeLast();
  const { report, failed } = checkedReport(build, options, step);
  if (failed) {
    process.stderr.write(`Build failed: ${unchanged(options.outDir)}\n`);
    return 1;
  }
  // Last step: the index, placed in the staging folder once every bundle is written.
  const indexed: SearchIndexResult = await step("search", () => buildSearchIndex(staging, search));
  const oldSiteDeleted = swapIn(staging, options.outDir);
  const seconds = elapsed();
  const summary = summaryStream(options.format);
  summary.write(
    `Built ${build.pageCount.toLocaleString("en-US")} pages in ${seconds.toFixed(2)} s ` +
      `(${Math.round(build.pageCount / seconds)} pages/s), ${countsLine(report)}\n`,
  );
  summary.write(searchIndexSummary(indexed));
  await oldSiteDeleted;
  return 0;
}

process.exitCode = await main();
