// `npm run check -- [--source DIR] [--base /path/] [--format human|json|github] [--strict] [--show-baselined]
// [--update-baseline]`: renders the site in memory and runs every check, writing nothing but, when asked, the
// baseline. The report goes to stderr, as build's does (with --format json, the JSON goes to stdout); the exit status is 1 on any error not in the baseline (with --strict, on
// any warning too), 2 on a bad command line.
import path from "node:path";
import { parseArgs } from "node:util";
import { checkSite } from "../checks/check-site.ts";
import { BASELINE_FILE, compareWithBaseline, readBaseline, writeBaseline } from "../diagnostics/baseline.ts";
import { countLine } from "../diagnostics/format-human.ts";
import { pagesLine } from "../diagnostics/page-summary.ts";
import { countsLine, reportFails, siteProblemReport } from "../diagnostics/problem-report.ts";
import { buildSite, type SiteBuild } from "../build/build-site.ts";
import { baseOption, formatOption, refuseRepeats, sourceOption } from "./build-options.ts";
import { reportUsageError, withIoErrorsReported } from "./cli-errors.ts";
import { answerBeforeOptions, type CommandHelp } from "./help.ts";
import { reportFormat } from "../diagnostics/output-style.ts";
import { printDiagnostics, printReport } from "../diagnostics/print-diagnostics.ts";
import { printNotes } from "./print-notes.ts";
import { keepStdoutForReport } from "./stdout-for-report.ts";
import { catchStrayRejections } from "../plugins/stray-rejections.ts";

const USAGE =
  "Usage: npm run check -- [--source DIR] [--base /path/] [--format human|json|github] [--strict] [--show-baselined] [--update-baseline]";

interface CheckOptions {
  sourceDir: string;
  baseurl?: string;
  format?: string;
  strict: boolean;
  /** Print the problems the baseline knows too (they are only counted otherwise). */
  showBaselined: boolean;
  /** Write today's problems as the baseline instead of reporting them. */
  updateBaseline: boolean;
}

function parseCheckArgs(argv: string[]): CheckOptions {
  refuseRepeats(argv, ["source", "base", "format"]);
  const { values } = parseArgs({
    args: argv,
    options: {
      source: { type: "string" },
      base: { type: "string" },
      format: { type: "string" },
      strict: { type: "boolean" },
      "show-baselined": { type: "boolean" },
      "update-baseline": { type: "boolean" },
    },
    strict: true,
  });
  return {
    sourceDir: sourceOption(values.source),
    baseurl: baseOption(values.base),
    format: formatOption(values.format),
    strict: values.strict ?? false,
    showBaselined: values["show-baselined"] ?? false,
    updateBaseline: values["update-baseline"] ?? false,
  };
}

const HELP: CommandHelp = {
  usage: USAGE,
  does: "Renders the site in memory and runs every check, writing nothing; exits 1 on an error the baseline does not know.",
  options: [
    ["--source DIR", "the site's folder, with _config.yml and docs/ (default: the current folder)"],
    ["--base /path/", "the path the site is served under, overriding baseurl: in _config.yml"],
    ["--format F", "how problems are reported: human, json or github (default: github inside GitHub Actions, else human)"],
    ["--strict", "warnings fail the check too"],
    ["--show-baselined", "print the problems the baseline knows too, not only their count"],
    ["--update-baseline", `write today's problems to ${BASELINE_FILE} instead of reporting them`],
  ],
};

async function main(): Promise<number> {
  const early = answerBeforeOptions(process.argv.slice(2), HELP);
  if (early !== undefined) return early;
  let options: CheckOptions;
  try {
    options = parseCheckArgs(process.argv.slice(2));
  } catch (error) {
    return reportUsageError(error, USAGE);
  }
  keepStdoutForReport(options.format);
  catchStrayRejections(options.sourceDir);
  const started = performance.now();
  const build = await buildSite({ sourceDir: options.sourceDir, baseurl: options.baseurl, readOnlyCache: true });
  checkSite(build);
  printNotes(build.notes);
  const seconds = (performance.now() - started) / 1000;
  if (options.updateBaseline) return updateBaseline(build, options);

  const report = siteProblemReport({ ...build, loaded: build.site !== undefined }, options.showBaselined);
  const pages = `${build.pageCount.toLocaleString("en-US")} ${build.pageCount === 1 ? "page" : "pages"}`;
  printReport(report, {
    // Problems are diagnostics, on stderr as build prints them; JSON is the output asked for, to pipe on.
    stream: reportFormat(options.format) === "json" ? process.stdout : process.stderr,
    format: options.format,
    sourceDir: options.sourceDir,
    summary: `Checked ${pages} in ${seconds.toFixed(2)} s: ${countsLine(report)}`,
    extra: { pageCount: build.pageCount },
    pages: build.pages,
  });
  return reportFails(report, options.strict) ? 1 : 0;
}

/** `--update-baseline`: today's problems become the baseline; says what that changed. */
function updateBaseline(build: SiteBuild, options: CheckOptions): number {
  if (!build.site) {
    printDiagnostics(build.diagnostics, { format: options.format, sourceDir: options.sourceDir });
    process.stderr.write(`No baseline was written: the site did not load. Fix the problem above first.\n`);
    return 1;
  }
  const problems = build.diagnostics.sorted();
  let before: ReturnType<typeof compareWithBaseline> | undefined;
  try {
    const old = readBaseline(options.sourceDir);
    before = old && compareWithBaseline(problems, old);
  } catch {
    // An unreadable baseline is simply replaced.
  }
  writeBaseline(options.sourceDir, problems);
  const pages = build.pages && pagesLine(build.pages);
  if (pages) process.stderr.write(`${pages}\n`);
  const errors = problems.filter((d) => d.severity === "error").length;
  const absolute = path.join(options.sourceDir, BASELINE_FILE);
  const relative = path.relative(".", absolute);
  const file = relative.startsWith("..") ? absolute : relative;
  let line = `Wrote ${problems.length} known ${problems.length === 1 ? "problem" : "problems"} (${countLine(errors, problems.length - errors)}) to ${file}`;
  if (before) {
    const dropped = before.fixed.reduce((sum, entry) => sum + entry.count, 0);
    line += `: ${problems.length - before.known.size} added, ${dropped} fixed dropped`;
  }
  process.stdout.write(`${line}. Commit it; build and check now fail only on new problems.\n`);
  return 0;
}

process.exitCode = await withIoErrorsReported(main);
