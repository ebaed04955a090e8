// `npm run bench -- --preview [--pages 1500] [--runs 1] [--saves 10] [--first-page-only] [--command "npm start"|dev-server]
// [--json]`: the live preview on a generated tree, in Debian's Chromium: how long after starting it serves its first
// page, when the rest of the site is rendered and checked, and how long a save takes to show in the browser (issue
// 12: first page <= 1.5 s, a save <= 200 ms). With --runs N the preview is started N times and the first page's
// figures are medians; --first-page-only stops there. Run on a quiet machine: the figures are wall time, but for
// the first page's CPU time.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { GENERATOR_ROOT } from "../src/paths.ts";
import { MAX_BENCH_PAGES, orUsage, parseBenchArgs, wholeNumber } from "./bench-options.ts";
import { generateCorpus } from "./generate-corpus.ts";

const ROOT = GENERATOR_ROOT; // this runs from the bundle under .cache/, like every command
const { values } = parseBenchArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--preview"),
  options: {
    pages: { type: "string", default: "1500" },
    runs: { type: "string", default: "1" },
    saves: { type: "string", default: "10" },
    command: { type: "string", default: "npm start" },
    json: { type: "boolean", default: false },
    "first-page-only": { type: "boolean", default: false },
  },
});
const pageCount = orUsage(wholeNumber("--pages", values.pages, MAX_BENCH_PAGES));
const saves = orUsage(wholeNumber("--saves", values.saves));
const runs = orUsage(wholeNumber("--runs", values.runs));
const firstPageOnly = values["first-page-only"];
const PAGE = "docs/elements/element-00042/events.md";
const INCLUDE = "_includes/bench/summary.md";
const progress = (text: string) => process.stderr.write(`${text}\n`);

const work = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-bench-preview-"));
const tree = path.join(work, "tree");
generateCorpus(tree, { pages: pageCount });
const figures: Record<string, number | string> = { pages: pageCount, command: values.command };
// The bundle is made before the clock starts: a first run after a change under src/ would time esbuild too.
spawnSync(process.execPath, ["-e", `import(${JSON.stringify(path.join(ROOT, "bin/bundle.mjs"))}).then((m) => m.ensureBundle())`]);

// The browser is up, with a tab open, and settled before the clock starts, as a writer's is: launching it beside
// the preview took one of two cores from it (it keeps busy for half a second after its launch). So is fetch,
// whose first call loads its HTTP client.
const browser = firstPageOnly
  ? undefined
  : await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
const tab = await browser?.newPage();
await new Promise((resolve) => setTimeout(resolve, 1_000));
await fetch("http://127.0.0.1:9/").catch(() => undefined);
let started = performance.now();
let preview = startPreview(values.command, tree);
// Port 0: the address printed names the port the system gave.
const address = () => /^Preview at (http:\S+)/m.exec(preview.stdout)?.[1];
try {
  const firstPage: Array<{ wallMs: number; cpuMs: number; printedMs: number }> = [];
  for (let run = 1; ; run++) {
    // What a writer sees: the home page, asked for as soon as the server answers.
    const home = await until("the first page", async () => {
      const url = address();
      const response = url === undefined ? undefined : await fetch(url).catch(() => undefined);
      return response?.status === 200 && (await response.text()).includes("</html>") ? true : undefined;
    });
    // CPU time says more than wall time on a shared machine: what the preview's processes spent until then.
    firstPage.push({ wallMs: home - started, cpuMs: cpuMsOf(preview.pid), printedMs: preview.printedAt - started });
    const last = firstPage[firstPage.length - 1];
    progress(`first page served ${Math.round(last.wallMs)} ms after start, ${last.cpuMs} ms of CPU (address printed at ${Math.round(last.printedMs)} ms)`);
    if (run === runs) break;
    await preview.stop();
    started = performance.now();
    preview = startPreview(values.command, tree);
  }
  figures.firstPageMs = Math.round(median(firstPage.map((run) => run.wallMs)));
  figures.firstPageCpuMs = Math.round(median(firstPage.map((run) => run.cpuMs)));
  figures.addressPrintedMs = Math.round(median(firstPage.map((run) => run.printedMs)));
  if (runs > 1) {
    figures.firstPageRunsMs = firstPage.map((run) => Math.round(run.wallMs)).join(",");
    figures.firstPageRunsCpuMs = firstPage.map((run) => run.cpuMs).join(",");
  }

  if (tab) await savesShow(tab);
} finally {
  await browser?.close();
  await preview.stop();
  fs.rmSync(work, { recursive: true, force: true });
}

/** How long saves take to show in the browser: while the background renders, then once it is done. */
async function savesShow(page: Page): Promise<void> {
  await page.goto(new URL(PAGE.replace(/\.md$/, ".html"), address()).href);
  figures.saveDuringBackgroundMs = Math.round(await saveShows(page, PAGE, "during"));

  await until("the background to render and check every page", () => (/^Preview: \d+ pages up to date/m.test(preview.stdout) ? true : undefined), 300_000);
  figures.wholeSiteCheckedMs = Math.round(performance.now() - started);
  progress(`every page rendered and checked ${figures.wholeSiteCheckedMs} ms after start`);

  const times: number[] = [];
  for (let i = 0; i < saves; i++) {
    times.push(await saveShows(page, PAGE, `steady${i}`));
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  figures.saveMedianMs = Math.round(median(times));
  figures.saveMaxMs = Math.round(Math.max(...times));
  progress(`a save shows in the browser in ${figures.saveMedianMs} ms (median of ${saves}; slowest ${figures.saveMaxMs} ms)`);
  figures.includeSaveMs = Math.round(await saveShows(page, INCLUDE, "include"));
  figures.titleSaveMs = Math.round(await saveShows(page, PAGE, "title", (text, marker) => text.replace(/^title: (.*)$/m, `title: $1 ${marker}`)));
  progress(`an include every page uses: ${figures.includeSaveMs} ms; a page title (the sidebar of every page): ${figures.titleSaveMs} ms`);
}

if (values.json) process.stdout.write(JSON.stringify(figures, null, 2) + "\n");
else {
  process.stdout.write(
    [
      `Live preview, ${pageCount.toLocaleString("en-US")} generated pages (${values.command}):`,
      `  first page served       ${figures.firstPageMs} ms after start (target <= 1500 ms), ${figures.firstPageCpuMs} ms of CPU${runs > 1 ? ` (medians of ${runs} starts: ${figures.firstPageRunsMs} ms)` : ""}`,
      ...(firstPageOnly
        ? []
        : [
            `  save -> browser         ${figures.saveMedianMs} ms median, ${figures.saveMaxMs} ms slowest of ${saves} (target <= 200 ms)`,
            `  save while rendering    ${figures.saveDuringBackgroundMs} ms (the first save, before the background is done)`,
            `  include every page uses ${figures.includeSaveMs} ms to show; a page title ${figures.titleSaveMs} ms`,
            `  whole site checked      ${figures.wholeSiteCheckedMs} ms after start`,
          ]),
    ].join("\n") + "\n",
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Saves `rel` with a new marker in it and returns how long the browser took to show the marker. */
async function saveShows(page: Page, rel: string, name: string, edit = (text: string, marker: string) => `${text}\nEdited ${marker}.\n`): Promise<number> {
  const file = path.join(tree, rel);
  const marker = `m${name}${Date.now()}`;
  const saved = performance.now();
  fs.writeFileSync(file, edit(fs.readFileSync(file, "utf8"), marker));
  // Polled from here rather than in the page: a full reload would end a script waiting in the page.
  const shown = await until(`the browser to show ${name}`, async () => {
    const text = await page.evaluate(() => document.documentElement.outerHTML).catch(() => "");
    return text.includes(marker) ? true : undefined;
  }, 60_000, 2);
  return shown - saved;
}

/** Polls `probe` until it returns a value; returns the time (performance.now()) it did. */
async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 120_000, pollMs = 10): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if ((await probe()) !== undefined) return performance.now();
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}:\n${preview.stdout.slice(-2000)}\n${preview.stderr.slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

function startPreview(command: string, source: string) {
  const args = ["--source", source, "--port", "0"];
  const child: ChildProcess =
    command === "npm start"
      ? spawn("npm", ["start", "--silent", "--", ...args], { cwd: ROOT, detached: true })
      : spawn(process.execPath, [path.join(ROOT, "bin/element-guides.mjs"), "dev-server", ...args], { cwd: ROOT, detached: true });
  const state = { stdout: "", stderr: "", printedAt: Number.NaN, pid: child.pid!, stop };
  child.stdout!.on("data", (chunk) => {
    state.stdout += chunk;
    if (Number.isNaN(state.printedAt) && state.stdout.includes("Preview at ")) state.printedAt = performance.now();
  });
  child.stderr!.on("data", (chunk) => (state.stderr += chunk));
  function stop(): Promise<void> {
    if (child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once("exit", () => resolve());
      process.kill(-child.pid!, "SIGTERM");
    });
  }
  return state;
}

/** CPU time (user and system) the process `pid` and every process below it have used so far, from /proc. */
function cpuMsOf(pid: number): number {
  const ticksPerSecond = 100; // USER_HZ on Linux
  const stats = fs.readdirSync("/proc").flatMap((name) => {
    if (!/^\d+$/.test(name)) return [];
    try {
      // Fields after the command name, which is in parentheses and may hold spaces.
      const fields = fs.readFileSync(`/proc/${name}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
      return [{ pid: Number(name), parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) }];
    } catch {
      return []; // gone meanwhile
    }
  });
  const inTree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const stat of stats) {
      if (inTree.has(stat.pid) || !inTree.has(stat.parent)) continue;
      inTree.add(stat.pid);
      grew = true;
    }
  }
  return Math.round((stats.filter((stat) => inTree.has(stat.pid)).reduce((sum, stat) => sum + stat.ticks, 0) * 1000) / ticksPerSecond);
}
