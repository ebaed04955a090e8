// `npm run bench -- [--sizes 1000,5000,10000] [--runs N] [--json] [--keep]`: builds generated element-guide
// trees with our generator (cold, then warm), the stack floor (bench/floor.ts), a bare Eleventy config, and
// Jekyll when it is installed, and prints one table (or JSON) with the ratios issue 12 sets targets for.
// With --runs N, each row is the median of N rounds, each round building once with every tool in turn, and each
// ratio the median of the rounds' ratios (the machine may be shared: compare CPU time first).
// `npm run bench -- --preview [--pages N]` measures the live preview instead (bench/preview.ts).
// `npm run bench -- --sharded N [--sizes 20000]` measures a build in N shards and a merge (bench/sharded.ts).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { GENERATOR_ROOT } from "../src/paths.ts";
import { writeBareEleventyConfig } from "./bare-eleventy.ts";
import { buildNodeOptions } from "./build-command.ts";
import { keepHighlightCacheAside } from "./kept-highlight-cache.ts";
import { generateCorpus } from "./generate-corpus.ts";
import type { BenchRow } from "./bench-row.ts";
import { addJekyllSite } from "./jekyll-site.ts";
import { BENCH_USAGE, benchKind, orUsage, parseBenchOptions } from "./bench-options.ts";
import { measure, stopMeasuredCommands, type Measurement } from "./measure.ts";
import { median, medianMeasurement, succeeded } from "./median-of.ts";
import { pairedRatio } from "./paired-ratio.ts";
import { cpuWithoutSearch } from "./search-share.ts";
import { formatTable } from "./table.ts";
import { answerBeforeOptions } from "../src/cli/help.ts";

// `--preview` measures the live preview instead (first page, save to browser): bench/preview.ts.
// `--sharded N` builds as N shards and a merge beside one machine (issue 14): bench/sharded.ts.
const early = answerBeforeOptions(process.argv.slice(2), {
  usage: BENCH_USAGE,
  does:
    "Builds generated element-guide trees with this generator, the stack floor, bare Eleventy and Jekyll (when installed), and prints their times, memory and the ratios of issue 12. " +
    "--preview and --sharded are benches of their own; the options under --preview are its only.",
  options: [
    ["--sizes N,N", "the page counts of the trees to build (default: 1000,5000,10000; with --sharded, 20000)"],
    ["--runs N", "rounds; each figure is the median of the rounds (default: 1)"],
    ["--json", "print JSON instead of a table"],
    ["--keep", "keep the generated trees and sites, and say where (not with --preview)"],
    ["--preview", "measure the live preview instead: its first page, and a save shown in Chromium"],
    ["  --pages N", "the generated tree's pages (default: 1500)"],
    ["  --saves N", "saves to time (default: 10)"],
    ["  --first-page-only", "stop after the first page's figures"],
    ["  --command CMD", "what starts the preview: \"npm start\" (default) or dev-server"],
    ["--sharded N", "measure a build split into N shards and their merge instead"],
  ],
});
if (early !== undefined) process.exit(early);
const kind = orUsage(benchKind(process.argv.slice(2)));
if (kind === "preview") await import("./preview.ts").then(() => process.exit(0));
if (kind === "sharded") await import("./sharded.ts").then(() => process.exit(0));

const ROOT = GENERATOR_ROOT; // this runs from the bundle under .cache/, like every command
const values = orUsage(parseBenchOptions(process.argv.slice(2)));
const { sizes, runs } = values;
const hasJekyll = spawnSync("jekyll", ["--version"], { stdio: "ignore" }).status === 0;
const nodeOptions = buildNodeOptions();

const rows: BenchRow[] = [];
keepHighlightCacheAside();
const work = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-bench-"));
// However the bench ends (a failed build, Ctrl-C): a 10,000-page run leaves hundreds of megabytes here. The build
// being timed is ended first, or it would go on writing into the folder.
process.on("exit", () => {
  stopMeasuredCommands();
  if (values.keep) process.stderr.write(`Kept the trees and sites in ${work}\n`);
  else fs.rmSync(work, { recursive: true, force: true });
});
let runsMade = 0;
const progress = (text: string) => process.stderr.write(`${text}\n`);

for (const size of sizes) {
  const tree = path.join(work, `tree-${size}`);
  const { pages } = generateCorpus(tree, { pages: size });
  progress(`${size} pages: generated in ${tree}`);
  // Every run writes into a folder of its own, as a CI build into a fresh clone, and none is deleted before the
  // bench ends: ext4 skips the inodes of files deleted in the last minutes when it makes new ones, and after a
  // deleted output of 4,600 files that scan took 4-5 s of system time from the next build (about 1 ms a file).
  const out = (name: string) => path.join(work, `${name}-${size}-${++runsMade}`);
  const timingsFile = path.join(work, `timings-${size}.json`);
  const ours = () =>
    measure(process.execPath, [...nodeOptions, path.join(ROOT, "bin/element-guides.mjs"), "build", "--source", tree, "--out", out("out"), "--timings", timingsFile], { cwd: ROOT });
  // Eleventy with Markdown and Liquid only.
  const config = writeBareEleventyConfig(path.join(work, `bare-${size}`), tree, ["sidebarelementdoc", "sidebarelementtile"]);
  let jekyllTree: string | undefined;
  if (hasJekyll) {
    jekyllTree = path.join(work, `jekyll-${size}`);
    generateCorpus(jekyllTree, { pages: size });
    addJekyllSite(jekyllTree);
  }

  // Each round builds once with every tool, in the same order, and the ratios are taken within a round: a slow
  // spell of a shared machine (identical builds here differ by 20% from one minute to the next) then weighs on
  // what is compared alike, instead of on whichever tool happened to run in it.
  const cold: Measurement[] = [];
  const warm: Measurement[] = [];
  const floor: Measurement[] = [];
  const bare: Measurement[] = [];
  const jekyll: Measurement[] = [];
  const stepRuns: Record<string, number>[] = [];
  for (let round = 1; round <= runs; round++) {
    // Ours, cold: no highlight cache, as CI builds; then warm, with the cache the cold build left.
    fs.rmSync(path.join(ROOT, ".cache/highlight"), { recursive: true, force: true });
    cold.push(succeeded("element-guides", await ours()));
    stepRuns.push(readTimings(timingsFile));
    warm.push(succeeded("element-guides", await ours()));
    // The stack floor: gray-matter, liquidjs, markdown-it and a sidebar layout, one thread, no checks.
    floor.push(succeeded("floor", await measure(process.execPath, [path.join(ROOT, "bin/element-guides.mjs"), "bench-floor", tree, out("floor")], { cwd: ROOT })));
    const eleventyArgs = [path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"), `--config=${config}`, `--input=${tree}`, `--output=${out("bare-out")}`, "--quiet"];
    bare.push(succeeded("bare Eleventy", await measure(process.execPath, eleventyArgs, { cwd: ROOT })));
    if (jekyllTree) jekyll.push(succeeded("Jekyll", await measure("jekyll", ["build", "--disable-disk-cache", "--quiet", "-s", jekyllTree, "-d", out("jekyll-out")])));
    const walls = [cold, warm, floor, bare, jekyll].filter((all) => all.length).map((all) => all[all.length - 1].wallSeconds.toFixed(2));
    progress(`${size} pages, round ${round}/${runs}: ${walls.join(" / ")} s (cold / warm / floor / bare Eleventy${jekyllTree ? " / Jekyll" : ""})`);
  }

  const coldMedian = medianMeasurement(cold);
  rows.push(row(size, "element-guides (cold)", pages, coldMedian, cpuByThreadNote(coldMedian)));
  const steps = medianSteps(stepRuns);
  for (const step of ["render", "checks", "write", "search"]) {
    if (steps[step] !== undefined) rows.push({ size, tool: `  of which ${step}`, pages, wallSeconds: steps[step], pagesPerSecond: pages / steps[step] });
  }
  rows.push(row(size, "element-guides (warm)", pages, medianMeasurement(warm)));
  const renderAndWrite = stepRuns.map((timings) => (timings.render ?? 0) + (timings.write ?? 0));
  const floorRatio = pairedRatio(renderAndWrite, floor.map((m) => m.wallSeconds));
  rows.push(row(size, "stack floor (bench/floor.ts)", pages, medianMeasurement(floor), `ours render+write/floor ${floorRatio.toFixed(2)}x (target <= 1.5x)`));
  rows.push(row(size, "bare Eleventy 3", pages, medianMeasurement(bare)));
  if (jekyll.length) rows.push(row(size, "Jekyll 4 (sidebar layout, Rouge)", pages, medianMeasurement(jekyll), jekyllRatios(cold, jekyll)));
}

const growth = growthRatio(rows);
if (values.json) {
  process.stdout.write(JSON.stringify({ rows, growth, jekyll: hasJekyll, cpus: os.availableParallelism() }, null, 2) + "\n");
} else {
  process.stdout.write(formatTable(rows) + "\n");
  process.stdout.write("CPU and peak memory count every process of a build, Pagefind's included (bench/process-tree.ts).\n");
  if (growth) process.stdout.write(`Growth ${growth.to}/${growth.from} pages (cold wall time): ${growth.ratio.toFixed(2)}x for ${(growth.to / growth.from).toFixed(0)}x the pages\n`);
  if (!hasJekyll) process.stdout.write("Jekyll is not on PATH (Debian package `jekyll`): no Jekyll comparison.\n");
}

function row(size: number, tool: string, pages: number, m: Measurement, note?: string): BenchRow {
  return { size, tool, pages, wallSeconds: m.wallSeconds, cpuSeconds: m.cpuSeconds, pagesPerSecond: pages / m.wallSeconds, peakRssMiB: m.peakRssMiB, note };
}

function medianSteps(all: Record<string, number>[]): Record<string, number> {
  const names = new Set(all.flatMap((t) => Object.keys(t)));
  return Object.fromEntries([...names].map((name) => [name, median(all.map((t) => t[name]).filter((v) => v !== undefined))!]));
}

/** Issue 12's targets: at most half of Jekyll's wall time and 0.8 of its CPU time, each a median of rounds. */
function jekyllRatios(ours: Measurement[], jekyll: Measurement[]): string {
  const wall = pairedRatio(ours.map((m) => m.wallSeconds), jekyll.map((m) => m.wallSeconds));
  const known = ours.every((m) => m.cpuSeconds !== undefined) && jekyll.every((m) => m.cpuSeconds);
  const cpu = known ? `, CPU ${pairedRatio(ours.map((m) => m.cpuSeconds!), jekyll.map((m) => m.cpuSeconds!)).toFixed(2)}x (<= 0.8x)` : "";
  // The search index is work Jekyll does not do: what our CPU is without it, to see how much of the gap it is.
  const withoutSearch = ours.map(cpuWithoutSearch);
  const own = known && withoutSearch.every((seconds) => seconds !== undefined)
    ? `, CPU without Pagefind ${pairedRatio(withoutSearch as number[], jekyll.map((m) => m.cpuSeconds!)).toFixed(2)}x`
    : "";
  return `ours/Jekyll wall ${wall.toFixed(2)}x (<= 0.5x)${cpu}${own}`;
}

/** Where our build's CPU time went, by thread: what is left to make faster (issue 12 asks for its profile). */
function cpuByThreadNote({ cpuByThread }: Measurement): string | undefined {
  const spent = Object.entries(cpuByThread ?? {}).filter(([, seconds]) => seconds >= 0.01);
  return spent.length ? `CPU ${spent.map(([name, seconds]) => `${name} ${seconds.toFixed(2)} s`).join(", ")}` : undefined;
}

function readTimings(file: string): Record<string, number> {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, number>) : {};
}

function growthRatio(all: BenchRow[]): { from: number; to: number; ratio: number } | undefined {
  const cold = all.filter((r) => r.tool === "element-guides (cold)");
  if (cold.length < 2) return undefined;
  const first = cold[0];
  const last = cold[cold.length - 1];
  return { from: first.size, to: last.size, ratio: last.wallSeconds / first.wallSeconds };
}
