// `npm run bench -- [--sizes 1000,5000,10000] [--runs N] [--json] [--keep]`: builds generated element-guide
// trees with our generator (cold, then warm), the stack floor (bench/floor.ts), a bare Eleventy config, and
// Jekyll when it is installed, and prints one table (or JSON) with the ratios issue 12 sets targets for.
// With --runs, each row is the median of N runs (the machine may be shared: compare CPU time first).
// `npm run bench -- --preview [--pages N]` measures the live preview instead (bench/preview.ts).
// `npm run bench -- --sharded N [--sizes 20000]` measures a build in N shards and a merge (bench/sharded.ts).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { GENERATOR_ROOT } from "../src/paths.ts";
import { writeBareEleventyConfig } from "./bare-eleventy.ts";
import { buildNodeOptions } from "./build-command.ts";
import { generateCorpus } from "./generate-corpus.ts";
import type { BenchRow } from "./bench-row.ts";
import { addJekyllSite } from "./jekyll-site.ts";
import { measure, type Measurement } from "./measure.ts";
import { median, medianOf } from "./median-of.ts";
import { formatTable } from "./table.ts";

// `--preview` measures the live preview instead (first page, save to browser): bench/preview.ts.
if (process.argv.includes("--preview")) await import("./preview.ts").then(() => process.exit(0));
// `--sharded N` builds as N shards and a merge beside one machine (issue 14): bench/sharded.ts.
if (process.argv.some((arg) => arg === "--sharded" || arg.startsWith("--sharded="))) await import("./sharded.ts").then(() => process.exit(0));

const ROOT = GENERATOR_ROOT; // this runs from the bundle under .cache/, like every command
const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,5000,10000" },
    json: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    runs: { type: "string", default: "1" },
  },
});
const sizes = values.sizes.split(",").map((s) => Number(s.trim())).filter((n) => n > 0);
const runs = Math.max(1, Number(values.runs) || 1);
const hasJekyll = spawnSync("jekyll", ["--version"], { stdio: "ignore" }).status === 0;
const nodeOptions = buildNodeOptions();

const rows: BenchRow[] = [];
const work = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-bench-"));
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

  // Ours, cold: no highlight cache, as CI builds; then warm, with the cache the cold build left.
  const timingsFile = path.join(work, `timings-${size}.json`);
  const ours = () =>
    measure(process.execPath, [...nodeOptions, path.join(ROOT, "bin/element-guides.mjs"), "build", "--source", tree, "--out", out("out"), "--timings", timingsFile], { cwd: ROOT });
  const stepRuns: Record<string, number>[] = [];
  const cold = await medianOf(runs, "element-guides", async () => {
    fs.rmSync(path.join(ROOT, ".cache/highlight"), { recursive: true, force: true });
    const m = await ours();
    stepRuns.push(readTimings(timingsFile));
    return m;
  });
  rows.push(row(size, "element-guides (cold)", pages, cold, cpuByThreadNote(cold)));
  const steps = medianSteps(stepRuns);
  for (const step of ["render", "checks", "write", "search"]) {
    if (steps[step] !== undefined) rows.push({ size, tool: `  of which ${step}`, pages, wallSeconds: steps[step], pagesPerSecond: pages / steps[step] });
  }
  const warm = await medianOf(runs, "element-guides", ours);
  rows.push(row(size, "element-guides (warm)", pages, warm));
  progress(`${size} pages: element-guides ${cold.wallSeconds.toFixed(2)} s cold, ${warm.wallSeconds.toFixed(2)} s warm`);

  // The stack floor: gray-matter, liquidjs, markdown-it and a sidebar layout, one thread, no checks.
  const floor = await medianOf(runs, "floor", () =>
    measure(process.execPath, [path.join(ROOT, "bin/element-guides.mjs"), "bench-floor", tree, out("floor")], { cwd: ROOT }),
  );
  const renderAndWrite = (steps.render ?? 0) + (steps.write ?? 0);
  rows.push(row(size, "stack floor (bench/floor.ts)", pages, floor, `ours render+write/floor ${(renderAndWrite / floor.wallSeconds).toFixed(2)}x (target <= 1.5x)`));
  progress(`${size} pages: floor ${floor.wallSeconds.toFixed(2)} s`);

  // Eleventy with Markdown and Liquid only.
  const bareDir = path.join(work, `bare-${size}`);
  const config = writeBareEleventyConfig(bareDir, tree, ["sidebarelementdoc", "sidebarelementtile"]);
  const bare = await medianOf(runs, "bare Eleventy", () =>
    measure(process.execPath, [path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"), `--config=${config}`, `--input=${tree}`, `--output=${out("bare-out")}`, "--quiet"], { cwd: ROOT }),
  );
  rows.push(row(size, "bare Eleventy 3", pages, bare));
  progress(`${size} pages: bare Eleventy ${bare.wallSeconds.toFixed(2)} s`);

  if (hasJekyll) {
    const jekyllTree = path.join(work, `jekyll-${size}`);
    generateCorpus(jekyllTree, { pages: size });
    addJekyllSite(jekyllTree);
    const jekyll = await medianOf(runs, "Jekyll", () =>
      measure("jekyll", ["build", "--disable-disk-cache", "--quiet", "-s", jekyllTree, "-d", out("jekyll-out")]),
    );
    rows.push(row(size, "Jekyll 4 (sidebar layout, Rouge)", pages, jekyll, jekyllRatios(cold, jekyll)));
    progress(`${size} pages: Jekyll ${jekyll.wallSeconds.toFixed(2)} s`);
  }
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
if (!values.keep) fs.rmSync(work, { recursive: true, force: true });

function row(size: number, tool: string, pages: number, m: Measurement, note?: string): BenchRow {
  return { size, tool, pages, wallSeconds: m.wallSeconds, cpuSeconds: m.cpuSeconds, pagesPerSecond: pages / m.wallSeconds, peakRssMiB: m.peakRssMiB, note };
}

function medianSteps(all: Record<string, number>[]): Record<string, number> {
  const names = new Set(all.flatMap((t) => Object.keys(t)));
  return Object.fromEntries([...names].map((name) => [name, median(all.map((t) => t[name]).filter((v) => v !== undefined))!]));
}

/** Issue 12's targets: at most half of Jekyll's wall time and 0.8 of its CPU time. */
function jekyllRatios(ours: Measurement, jekyll: Measurement): string {
  const cpu = ours.cpuSeconds !== undefined && jekyll.cpuSeconds ? `, CPU ${(ours.cpuSeconds / jekyll.cpuSeconds).toFixed(2)}x (<= 0.8x)` : "";
  return `ours/Jekyll wall ${(ours.wallSeconds / jekyll.wallSeconds).toFixed(2)}x (<= 0.5x)${cpu}`;
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
