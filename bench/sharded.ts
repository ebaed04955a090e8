// `npm run bench -- --sharded N [--sizes 20000] [--runs R] [--json] [--keep]`: issue 14's proof without the cloud.
// For each size it builds a generated tree on one machine, then as N shards (`build --shard K/N`) run one after
// another as local processes, as a CI matrix would run them side by side, then merges them (`build --merge`), and
// prints the slowest shard plus the merge beside the one-machine build. It merges a second tree of as many pages,
// each about four times as long, to show what the merge's time follows. Every build is cold: CI keeps a highlight
// cache per shard, so each shard starts, as the one-machine build does, without one.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { GENERATOR_ROOT } from "../src/paths.ts";
import { MAX_SHARDS } from "../src/cli/build-options.ts";
import { orUsage, pageCounts, parseBenchArgs, wholeNumber } from "./bench-options.ts";
import { buildNodeOptions } from "./build-command.ts";
import { keepHighlightCacheAside } from "./kept-highlight-cache.ts";
import { generateCorpus } from "./generate-corpus.ts";
import { measure, stopMeasuredCommands, stopMeasuredCommandsOnExit, type Measurement } from "./measure.ts";
import { medianMeasurement, medianOf, succeeded } from "./median-of.ts";
import { shardedRows, summarize, summaryLines, type ShardedFigures, type ShardedSummary, type ShardedTree } from "./sharded-report.ts";
import { formatTable } from "./table.ts";

const ROOT = GENERATOR_ROOT; // this runs from the bundle under .cache/, like every command
const MANIFEST = "element-guides-shard.json";
/** Paragraphs added under each heading of the longer tree: pages about four times as long (bench/generate-corpus.ts). */
const LONGER_PARAGRAPHS = 4;

const { values } = parseBenchArgs({
  options: {
    sharded: { type: "string" },
    sizes: { type: "string", default: "20000" },
    runs: { type: "string", default: "1" },
    json: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
// The number of shards, as every other number of the bench: a wrong one ends it with the usage line; no more than
// a build takes (`--shard K/N`).
const shardCount = orUsage(wholeNumber("--sharded", values.sharded ?? "", MAX_SHARDS));
const sizes = orUsage(pageCounts(values.sizes));
const runs = orUsage(wholeNumber("--runs", values.runs));
const progress = (text: string) => process.stderr.write(`${text}\n`);

const code = pinCode();
keepHighlightCacheAside();
const nodeOptions = buildNodeOptions();
const loadBefore = os.loadavg();
const work = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-bench-sharded-"));
// Also when a build fails and the bench stops there: a 20,000-page run leaves gigabytes.
process.on("exit", () => (values.keep ? progress(`Kept ${work}`) : fs.rmSync(work, { recursive: true, force: true })));
const results: Array<{ figures: ShardedFigures; summary: ShardedSummary }> = [];
for (const size of sizes) {
  const tree = path.join(work, `tree-${size}`);
  generateCorpus(tree, { pages: size });
  progress(`${size} pages: generated in ${tree}`);

  const oneMachine = await medianOf(runs, "The one-machine build", () => {
    forgetHighlights();
    return generator(["--source", tree, "--out", fresh(`one-machine-${size}`)]);
  });
  progress(`${size} pages: one machine ${oneMachine.wallSeconds.toFixed(2)} s`);
  if (!values.keep) fs.rmSync(path.join(work, `one-machine-${size}`), { recursive: true, force: true });

  const normal = await shardedBuild(tree, `${size}`);
  const longerTree = path.join(work, `longer-tree-${size}`);
  generateCorpus(longerTree, { pages: size, extraParagraphs: LONGER_PARAGRAPHS });
  const longer = await shardedBuild(longerTree, `longer-${size}`);

  const figures: ShardedFigures = { size, oneMachine, normal, longer };
  results.push({ figures, summary: summarize(figures) });
  if (!values.keep) for (const dir of fs.readdirSync(work)) if (dir.endsWith(`-${size}`)) fs.rmSync(path.join(work, dir), { recursive: true, force: true });
}
const loadAfter = os.loadavg();

if (values.json) {
  const sizesOut = results.map(({ figures, summary }) => ({ ...figures, summary, rows: shardedRows(figures, summary) }));
  process.stdout.write(JSON.stringify({ shards: shardCount, runs, sizes: sizesOut, cpus: os.availableParallelism(), loadBefore, loadAfter }, null, 2) + "\n");
} else {
  process.stdout.write(formatTable(results.flatMap(({ figures, summary }) => shardedRows(figures, summary))) + "\n");
  for (const { figures, summary } of results) process.stdout.write(summaryLines(figures, summary).join("\n") + "\n");
  process.stdout.write(
    `The shards ran one after another on this machine's ${os.availableParallelism()} cores, where N runners of a matrix would run them side by side; ` +
      `CPU and peak memory count every process of a build. Load average before ${loadBefore[0].toFixed(2)}, after ${loadAfter[0].toFixed(2)}.\n`,
  );
}

/**
 * Builds `tree` as N shards, one after another, then merges them; `runs` times, each figure the median. The merge
 * moves the shards' files into the site, so every run builds its shards anew.
 */
async function shardedBuild(tree: string, label: string): Promise<ShardedTree> {
  const shardRuns: Measurement[][] = Array.from({ length: shardCount }, () => []);
  const merges: Measurement[] = [];
  const manifests: Array<{ bytes: number; pages: number }> = [];
  for (let run = 0; run < runs; run++) {
    const dirs: string[] = [];
    for (let k = 1; k <= shardCount; k++) {
      const dir = fresh(`shard-${k}-of-${shardCount}-${label}`);
      forgetHighlights();
      shardRuns[k - 1].push(succeeded(`Shard ${k}/${shardCount}`, await generator(["--source", tree, "--shard", `${k}/${shardCount}`, "--out", dir])));
      manifests[k - 1] = readManifest(dir);
      dirs.push(dir);
    }
    merges.push(succeeded("The merge", await generator(["--source", tree, "--merge", ...dirs, "--out", fresh(`site-${label}`)])));
  }
  const merge = medianMeasurement(merges);
  const shards = shardRuns.map((all, i) => ({ measurement: medianMeasurement(all), manifestBytes: manifests[i].bytes, pages: manifests[i].pages }));
  const slowest = Math.max(...shards.map((shard) => shard.measurement.wallSeconds));
  progress(`${label} pages: slowest of ${shardCount} shards ${slowest.toFixed(2)} s, merge ${merge.wallSeconds.toFixed(2)} s`);
  return { bytesPerPage: meanPageBytes(tree), shards, merge };
}

/** A build command of ours, timed, run from the pinned copy of the generator's code with `npm run build`'s Node options. */
function generator(args: string[]): Promise<Measurement> {
  return measure(process.execPath, [...nodeOptions, path.join(code, "build.mjs"), ...args], { cwd: ROOT });
}

/**
 * Copies the bundle this bench runs from (bin/bundle.mjs) beside it under .cache/, for every build of the run to
 * use: a merge refuses shards built by other code, and in a shared checkout an edit under src/ during a
 * twenty-minute run made a new bundle between two shards. The copy is under the generator's folder, where its
 * packages and _layouts are found as from the bundle itself; the bundle's own folder may be pruned meanwhile.
 */
function pinCode(): string {
  const bundle = import.meta.dirname;
  if (!fs.existsSync(path.join(bundle, "build.mjs"))) {
    progress(`The sharded bench runs from the generator's bundle: start it with npm run bench -- --sharded N (${bundle} has no build.mjs).`);
    process.exit(2);
  }
  const copy = path.join(ROOT, ".cache", `bench-sharded-code-${process.pid}`);
  fs.cpSync(bundle, copy, { recursive: true });
  process.on("exit", () => {
    // The build being timed runs from the copy: it is ended first.
    stopMeasuredCommands();
    fs.rmSync(copy, { recursive: true, force: true });
  });
  // Ctrl-C and SIGTERM end the bench through the exit handler above.
  stopMeasuredCommandsOnExit();
  return copy;
}

/** Starts the next build without highlighted code to reuse: there is no option to give a build a cache of its own. */
function forgetHighlights(): void {
  fs.rmSync(path.join(ROOT, ".cache/highlight"), { recursive: true, force: true });
}

/** A folder under the bench's work folder, emptied. */
function fresh(name: string): string {
  const dir = path.join(work, name);
  fs.rmSync(dir, { recursive: true, force: true });
  return dir;
}

/** The size of a shard's manifest, and how many pages it lists (read before the merge moves the shard away). */
function readManifest(dir: string): { bytes: number; pages: number } {
  const file = path.join(dir, MANIFEST);
  const text = fs.readFileSync(file, "utf8");
  const pages = (JSON.parse(text) as { pages?: unknown }).pages;
  if (!Array.isArray(pages)) {
    progress(`${file} has no list of pages: bench/sharded.ts reads "pages" from it; update it to the manifest's format.`);
    process.exit(1);
  }
  return { bytes: Buffer.byteLength(text), pages: pages.length };
}

/** Mean bytes of the Markdown pages under the tree's docs/. */
function meanPageBytes(tree: string): number {
  const files = (fs.readdirSync(path.join(tree, "docs"), { recursive: true }) as string[]).filter((file) => file.endsWith(".md"));
  const bytes = files.reduce((sum, file) => sum + fs.statSync(path.join(tree, "docs", file)).size, 0);
  return bytes / files.length;
}
