// `npm run build -- [--source DIR] [--out DIR] [--base /path/] [--strict] [--format F] [--timings FILE]`:
// render, check, then write the site atomically.
import fs from "node:fs";
import path from "node:path";
import { checkSite } from "../checks/check-site.ts";
import { handOffBuild } from "../eleventy/build-handoff.ts";
import { GENERATOR_ROOT, RUNNING_BUNDLED } from "../paths.ts";
import { buildSite } from "../render/build-site.ts";
import { buildSearchIndex, searchIndexSummary, type SearchIndexResult } from "../search/build-search-index.ts";
import { discard, stagingDirFor, swapIn } from "./atomic-output.ts";
import { parseBuildArgs } from "./build-options.ts";
import { printDiagnostics } from "./print-diagnostics.ts";
import { progressReporter } from "./progress.ts";

const USAGE =
  "Usage: npm run build -- [--source DIR] [--out DIR] [--base /path/] [--strict] [--format human|json|github] [--timings FILE] [--workers N]";

async function main(): Promise<number> {
  let options: ReturnType<typeof parseBuildArgs>;
  try {
    options = parseBuildArgs(process.argv.slice(2));
  } catch (error) {
    // A mistyped option is the user's mistake, not a crash: say what is wrong, as `npm run check` does.
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const started = performance.now();
  const timings: Record<string, number> = {};
  const step = <T>(name: string, run: () => T): T => {
    const stepStarted = performance.now();
    const result = run();
    const record = () => (timings[name] = (performance.now() - stepStarted) / 1000);
    if (result instanceof Promise) return result.finally(record) as T;
    record();
    return result;
  };
  // Eleventy takes half a second to load: started now, it loads while the render threads are busy.
  const eleventyModule = import("@11ty/eleventy");
  const progress = progressReporter();
  const build = await step("render", () =>
    buildSite({
      sourceDir: options.sourceDir,
      baseurl: options.baseurl,
      workers: options.workers,
      onProgress: (done, total) => progress.update("Rendering", done, total),
    }),
  );
  progress.done();
  // The same checks as `npm run check`: errors stop the build, warnings only with --strict.
  step("checks", () => checkSite(build));
  if (build.diagnostics.items.length) {
    printDiagnostics(build.diagnostics, { format: options.format, sourceDir: options.sourceDir });
  }
  if (build.diagnostics.errorCount > 0 || (options.strict && build.diagnostics.warningCount > 0)) {
    process.stderr.write(`Build failed: nothing was written; ${path.relative(".", options.outDir) || "."} is unchanged.\n`);
    return 1;
  }

  const staging = stagingDirFor(options.outDir);
  process.env.ELEMENT_GUIDES_SOURCE = options.sourceDir;
  if (options.baseurl !== undefined) process.env.ELEMENT_GUIDES_BASE = options.baseurl;
  handOffBuild(build);
  let search: SearchIndexResult;
  try {
    const { default: Eleventy } = await eleventyModule;
    const eleventy = new Eleventy(options.sourceDir, staging, {
      configPath: RUNNING_BUNDLED
        ? path.join(import.meta.dirname, "eleventy.config.mjs")
        : path.join(GENERATOR_ROOT, ".eleventy.ts"),
      quietMode: true,
    });
    // We print our own summary line; Eleventy's would count redirect pages and the sitemap as pages.
    eleventy.disableLogger();
    await step("write", () => eleventy.write());
    // Last step: Pagefind indexes the pages as written, into the staging folder. (Feeding it the pages
    // from memory while Eleventy writes was tried: one message per page made indexing twice as slow.)
    search = await step("search", () => buildSearchIndex(staging));
    swapIn(staging, options.outDir);
  } catch (error) {
    discard(staging);
    throw error;
  }
  const seconds = (performance.now() - started) / 1000;
  const warnings = build.diagnostics.warningCount;
  process.stdout.write(
    `Built ${build.pageCount.toLocaleString("en-US")} pages in ${seconds.toFixed(2)} s ` +
      `(${Math.round(build.pageCount / seconds)} pages/s), 0 errors, ${warnings} ${warnings === 1 ? "warning" : "warnings"}\n`,
  );
  process.stdout.write(searchIndexSummary(search));
  if (options.timingsFile) {
    timings.total = seconds;
    fs.writeFileSync(options.timingsFile, JSON.stringify(timings, null, 2) + "\n");
  }
  return 0;
}

process.exitCode = await main();
