import path from "node:path";
import type { DiagnosticList } from "./diagnostic.ts";
import { formatGithub } from "./format-github.ts";
import { formatProblems, paintSummary } from "./format-human.ts";
import { formatJson } from "./format-json.ts";
import { reportFormat, useColor } from "./output-style.ts";
import { pagesJson, pagesLine } from "./page-summary.ts";
import { baselineJson, countsLine, problemReport, type ProblemReport } from "./problem-report.ts";
import type { PageReport } from "./page-shortfall.ts";

type Stream = NodeJS.WritableStream & { isTTY?: boolean };

export interface PrintOptions {
  stream?: Stream;
  /** `human`, `json` or `github`; by default human, or GitHub annotations inside GitHub Actions. */
  format?: string;
  /** The last line of the human report, instead of `N errors, M warnings`. */
  summary?: string;
  /** The source tree, so that GitHub annotations name files relative to the checkout. */
  sourceDir?: string;
  /** Extra top-level fields of the JSON report. */
  extra?: Record<string, unknown>;
  /** Pages missing from the site or incomplete in it: one line on stderr before the summary, `pages` in JSON. */
  pages?: PageReport;
}

/** Errors and warnings in a stable order (stderr by default), ending with the summary line. */
export function printDiagnostics(diagnostics: DiagnosticList, options: PrintOptions = {}): void {
  printReport(problemReport(diagnostics), options);
}

/** A report sorted out against a baseline (src/diagnostics/problem-report.ts), printed as `printDiagnostics` does. */
export function printReport(report: ProblemReport, options: PrintOptions = {}): void {
  const stream = options.stream ?? process.stderr;
  const summary = options.summary ?? countsLine(report);
  const pages = options.pages && pagesLine(options.pages);
  // Always on stderr: stdout may be a report piped into another tool.
  const printPages = () => pages && process.stderr.write(`${pages}\n`);
  switch (reportFormat(options.format)) {
    case "json": {
      const extra = { ...options.extra, pages: options.pages && pagesJson(options.pages), baseline: baselineJson(report) };
      printPages();
      stream.write(formatJson(report.all, extra, report.counted) + "\n");
      return;
    }
    case "github": {
      const sourceDir = options.sourceDir;
      const pathOf = sourceDir ? (file: string) => toPosix(path.relative(".", path.resolve(sourceDir, file))) : undefined;
      if (report.shown.length) stream.write(formatGithub(report.shown, pathOf) + "\n");
      printPages();
      stream.write(summary + "\n");
      return;
    }
    default: {
      const color = useColor(stream);
      stream.write(formatProblems(report.shown, color));
      printPages();
      stream.write(paintSummary(summary, report.counted, color) + "\n");
    }
  }
}

function toPosix(file: string): string {
  return file.split(path.sep).join("/");
}
