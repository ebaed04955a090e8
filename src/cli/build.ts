// `npm run build -- [--source DIR] [--out DIR] [--base /path/]`: render, check, then write the site atomically.
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { handOffBuild } from "../eleventy/build-handoff.ts";
import { GENERATOR_ROOT } from "../paths.ts";
import { buildSite } from "../render/build-site.ts";
import { discard, stagingDirFor, swapIn } from "./atomic-output.ts";
import { parseBuildArgs } from "./build-options.ts";
import { printDiagnostics } from "./print-diagnostics.ts";

async function main(): Promise<number> {
  const options = parseBuildArgs(process.argv.slice(2));
  const started = performance.now();
  const build = await buildSite({ sourceDir: options.sourceDir, baseurl: options.baseurl });
  if (build.diagnostics.items.length) printDiagnostics(build.diagnostics);
  if (build.diagnostics.errorCount > 0) {
    process.stderr.write(`Build failed: nothing was written; ${path.relative(".", options.outDir) || "."} is unchanged.\n`);
    return 1;
  }

  const staging = stagingDirFor(options.outDir);
  process.env.ELEMENT_GUIDES_SOURCE = options.sourceDir;
  if (options.baseurl !== undefined) process.env.ELEMENT_GUIDES_BASE = options.baseurl;
  handOffBuild(build);
  try {
    const eleventy = new Eleventy(options.sourceDir, staging, {
      configPath: path.join(GENERATOR_ROOT, ".eleventy.ts"),
      quietMode: true,
    });
    // We print our own summary line; Eleventy's would count redirect pages and the sitemap as pages.
    eleventy.disableLogger();
    await eleventy.write();
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
  return 0;
}

process.exitCode = await main();
