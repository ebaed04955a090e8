// `npm run bench -- [--sizes 1000,5000,10000] [--json] [--keep]`: builds generated element-guide trees
// with our generator (cold, then warm), with a bare Eleventy config as the floor, and with Jekyll when it
// is installed, and prints one table (or JSON).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { writeBareEleventyConfig } from "./bare-eleventy.ts";
import { generateCorpus } from "./generate-corpus.ts";
import type { BenchRow } from "./bench-row.ts";
import { addJekyllSite } from "./jekyll-site.ts";
import { measure, type Measurement } from "./measure.ts";
import { formatTable } from "./table.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,5000,10000" },
    json: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const sizes = values.sizes.split(",").map((s) => Number(s.trim())).filter((n) => n > 0);
const hasJekyll = spawnSync("jekyll", ["--version"], { stdio: "ignore" }).status === 0;

const rows: BenchRow[] = [];
const work = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-bench-"));
const progress = (text: string) => process.stderr.write(`${text}\n`);

for (const size of sizes) {
  const tree = path.join(work, `tree-${size}`);
  const { pages } = generateCorpus(tree, { pages: size });
  progress(`${size} pages: generated in ${tree}`);

  // Ours, cold: no highlight cache; then warm, with the cache the cold build left.
  fs.rmSync(path.join(ROOT, ".cache/highlight"), { recursive: true, force: true });
  const timingsFile = path.join(work, `timings-${size}.json`);
  const ours = (label: string) =>
    measure(process.execPath, [path.join(ROOT, "bin/element-guides.mjs"), "build", "--source", tree, "--out", path.join(work, `out-${size}`), "--timings", timingsFile], { cwd: ROOT });
  const cold = check(await ours("cold"), "element-guides");
  rows.push(row(size, "element-guides (cold)", pages, cold));
  for (const [step, seconds] of Object.entries(readTimings(timingsFile))) {
    if (step === "checks" || step === "search") rows.push({ size, tool: `  of which ${step}`, pages, wallSeconds: seconds, pagesPerSecond: pages / seconds });
  }
  const warm = check(await ours("warm"), "element-guides");
  rows.push(row(size, "element-guides (warm)", pages, warm));
  progress(`${size} pages: element-guides ${cold.wallSeconds.toFixed(2)} s cold, ${warm.wallSeconds.toFixed(2)} s warm`);

  // The floor: Eleventy with Markdown and Liquid only.
  const bareDir = path.join(work, `bare-${size}`);
  const config = writeBareEleventyConfig(bareDir, tree, ["sidebarelementdoc", "sidebarelementtile"]);
  const bare = check(
    await measure(process.execPath, [path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"), `--config=${config}`, `--input=${tree}`, `--output=${path.join(bareDir, "out")}`, "--quiet"], { cwd: ROOT }),
    "bare Eleventy",
  );
  rows.push(row(size, "bare Eleventy 3 (floor)", pages, bare));
  progress(`${size} pages: bare Eleventy ${bare.wallSeconds.toFixed(2)} s`);

  if (hasJekyll) {
    const jekyllTree = path.join(work, `jekyll-${size}`);
    generateCorpus(jekyllTree, { pages: size });
    addJekyllSite(jekyllTree);
    const jekyll = check(
      await measure("jekyll", ["build", "--disable-disk-cache", "--quiet", "-s", jekyllTree, "-d", path.join(jekyllTree, "_site")]),
      "Jekyll",
    );
    rows.push(row(size, "Jekyll 4 (sidebar layout, Rouge)", pages, jekyll, `ours/Jekyll ${(cold.wallSeconds / jekyll.wallSeconds).toFixed(2)}x`));
    progress(`${size} pages: Jekyll ${jekyll.wallSeconds.toFixed(2)} s`);
  }
  if (!values.keep) for (const dir of fs.readdirSync(work)) if (dir.endsWith(`-${size}`)) fs.rmSync(path.join(work, dir), { recursive: true, force: true });
}

const growth = growthRatio(rows);
if (values.json) {
  process.stdout.write(JSON.stringify({ rows, growth, jekyll: hasJekyll, cpus: os.availableParallelism() }, null, 2) + "\n");
} else {
  process.stdout.write(formatTable(rows) + "\n");
  if (growth) process.stdout.write(`Growth ${growth.to}/${growth.from} pages (cold wall time): ${growth.ratio.toFixed(2)}x for ${(growth.to / growth.from).toFixed(0)}x the pages\n`);
  if (!hasJekyll) process.stdout.write("Jekyll is not on PATH (Debian package `jekyll`): no Jekyll comparison.\n");
}
if (!values.keep) fs.rmSync(work, { recursive: true, force: true });

function row(size: number, tool: string, pages: number, m: Measurement, note?: string): BenchRow {
  return { size, tool, pages, wallSeconds: m.wallSeconds, cpuSeconds: m.cpuSeconds, pagesPerSecond: pages / m.wallSeconds, peakRssMiB: m.peakRssMiB, note };
}

function check(m: Measurement, what: string): Measurement {
  if (m.exitCode !== 0) {
    process.stderr.write(`${what} failed (exit ${m.exitCode}):\n${m.stderr}\n`);
    process.exit(1);
  }
  return m;
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
