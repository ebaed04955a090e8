import { checkSite } from "../checks/check-site.ts";
import { reportFails, siteProblemReport, type ProblemReport } from "../diagnostics/problem-report.ts";
import { reportFormat } from "../diagnostics/output-style.ts";
import { printReport } from "../diagnostics/print-diagnostics.ts";
import type { SiteBuild } from "../render/site-build.ts";
import type { CliBuildOptions } from "./build-options.ts";
import { printNotes } from "./print-notes.ts";
import type { StepTimer } from "./step-timer.ts";

/**
 * The site-wide checks of a build or a merge, and its report: notes, then the problems (with a baseline
 * (src/diagnostics/baseline.ts), only problems it does not know count). `failed` when errors, or warnings with
 * --strict, stop the build.
 */
export function checkedReport(
  build: SiteBuild,
  options: CliBuildOptions,
  step: StepTimer["step"],
  check: () => void = () => checkSite(build),
): { report: ProblemReport; failed: boolean } {
  // The same checks as `npm run check`: errors stop the build, warnings only with --strict.
  step("checks", check);
  printNotes(build.notes);
  const report = siteProblemReport({ ...build, loaded: build.site !== undefined }, options.showBaselined);
  if (reportFormat(options.format) === "json") {
    // Asked for to pipe into another tool: always printed, on stdout, as `npm run check -- --format json` does.
    printReport(report, { stream: process.stdout, format: "json", extra: { pageCount: build.pageCount }, pages: build.pages });
  } else if (report.all.length || build.pages?.shortfalls.length) {
    printReport(report, { format: options.format, sourceDir: options.sourceDir, pages: build.pages });
  }
  return { report, failed: reportFails(report, options.strict) };
}

/** Where a build's last lines go ("Built 1,502 pages…"): stdout, unless it holds the JSON report. */
export function summaryStream(format: string | undefined): NodeJS.WritableStream {
  return reportFormat(format) === "json" ? process.stderr : process.stdout;
}
