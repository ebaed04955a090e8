import { compareWithBaseline, readBaseline, type BaselineComparison, type BaselineEntry } from "./baseline.ts";
import { DiagnosticError, type Diagnostic, type DiagnosticList } from "./diagnostic.ts";
import { countLine } from "./format-human.ts";

/** A build's problems sorted out for the report: all of them, those to print, and those that decide the exit. */
export interface ProblemReport {
  /** Every problem, in report order; with a baseline each is marked `baselined` true or false. */
  all: Diagnostic[];
  /** What the report prints one by one: with a baseline, only new problems unless asked for all. */
  shown: Diagnostic[];
  /** What counts toward the error and warning counts and the exit status: with a baseline, the new problems. */
  counted: Diagnostic[];
  baseline?: BaselineComparison;
}

export function problemReport(
  diagnostics: DiagnosticList,
  options: { baseline?: readonly BaselineEntry[]; showBaselined?: boolean } = {},
): ProblemReport {
  const sorted = diagnostics.sorted();
  if (!options.baseline) return { all: sorted, shown: sorted, counted: sorted };
  const baseline = compareWithBaseline(sorted, options.baseline);
  const all = sorted.map((d): Diagnostic => {
    if (baseline.known.has(d)) return { ...d, baselined: true };
    const note = baseline.notes.get(d);
    return { ...d, hint: note ? (d.hint ? `${d.hint} ${note}` : note) : d.hint, baselined: false };
  });
  const counted = all.filter((d) => !d.baselined);
  return { all, shown: options.showBaselined ? all : counted, counted, baseline };
}

/**
 * The report of a build of `sourceDir`, against the tree's baseline when it has one. A site that did not load
 * (`loaded` false) is reported in full: its problems are not the ones a baseline was made for.
 */
export function siteProblemReport(
  build: { sourceDir: string; diagnostics: DiagnosticList; loaded: boolean },
  showBaselined = false,
): ProblemReport {
  let baseline: BaselineEntry[] | undefined;
  try {
    baseline = build.loaded ? readBaseline(build.sourceDir) : undefined;
  } catch (error) {
    if (!(error instanceof DiagnosticError)) throw error;
    build.diagnostics.add(error.diagnostic);
  }
  return problemReport(build.diagnostics, { baseline, showBaselined });
}

/** True when the report should fail the command: an error, or with `strict` any problem, among those counted. */
export function reportFails(report: ProblemReport, strict: boolean): boolean {
  return report.counted.some((d) => d.severity === "error" || strict);
}

/**
 * `1 error, 2 warnings`; with a baseline, how many problems are new, known and fixed:
 * `1 new (1 error, 0 warnings), 3 known, 1 fixed, run --update-baseline to drop it`.
 */
export function countsLine(report: ProblemReport): string {
  const errors = report.counted.filter((d) => d.severity === "error").length;
  const counts = countLine(errors, report.counted.length - errors);
  if (!report.baseline) return counts;
  const fixed = report.baseline.fixed.reduce((sum, entry) => sum + entry.count, 0);
  let line = `${report.counted.length} new (${counts}), ${report.baseline.known.size} known`;
  if (fixed) line += `, ${fixed} fixed, run --update-baseline to drop ${fixed === 1 ? "it" : "them"}`;
  return line;
}

/** The `baseline` field of the JSON report. */
export function baselineJson(report: ProblemReport): Record<string, unknown> | undefined {
  if (!report.baseline) return undefined;
  return {
    file: report.baseline.file,
    known: report.baseline.known.size,
    new: report.counted.length,
    fixed: report.baseline.fixed,
  };
}
