// `npm run check -- [--source DIR] [--base /path/] [--format human|json|github] [--strict]`: renders the site in
// memory and runs every check, writing nothing. The report goes to stdout; the exit status is 1 on any error
// (with --strict, on any warning too), 2 on a bad command line.
import { parseArgs } from "node:util";
import { checkSite } from "../checks/check-site.ts";
import { countLine } from "../diagnostics/format-human.ts";
import { buildSite } from "../render/build-site.ts";
import { baseOption, formatOption, sourceOption } from "./build-options.ts";
import { reportUsageError, withIoErrorsReported } from "./cli-errors.ts";
import { printDiagnostics } from "./print-diagnostics.ts";

const USAGE = "Usage: npm run check -- [--source DIR] [--base /path/] [--format human|json|github] [--strict]";

interface CheckOptions {
  sourceDir: string;
  baseurl?: string;
  format?: string;
  strict: boolean;
}

function parseCheckArgs(argv: string[]): CheckOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      source: { type: "string" },
      base: { type: "string" },
      format: { type: "string" },
      strict: { type: "boolean" },
    },
    strict: true,
  });
  return {
    sourceDir: sourceOption(values.source),
    baseurl: baseOption(values.base),
    format: formatOption(values.format),
    strict: values.strict ?? false,
  };
}

async function main(): Promise<number> {
  let options: CheckOptions;
  try {
    options = parseCheckArgs(process.argv.slice(2));
  } catch (error) {
    return reportUsageError(error, USAGE);
  }
  const started = performance.now();
  const build = await buildSite({ sourceDir: options.sourceDir, baseurl: options.baseurl });
  checkSite(build);
  const seconds = (performance.now() - started) / 1000;

  const { errorCount, warningCount } = build.diagnostics;
  const pages = `${build.pageCount.toLocaleString("en-US")} ${build.pageCount === 1 ? "page" : "pages"}`;
  printDiagnostics(build.diagnostics, {
    stream: process.stdout,
    format: options.format,
    sourceDir: options.sourceDir,
    summary: `Checked ${pages} in ${seconds.toFixed(2)} s: ${countLine(errorCount, warningCount)}`,
    extra: { pageCount: build.pageCount },
  });
  return errorCount > 0 || (options.strict && warningCount > 0) ? 1 : 0;
}

process.exitCode = await withIoErrorsReported(main);
