import type { Diagnostic } from "./diagnostic.ts";
import { includedFromLines } from "./included-from.ts";

export interface HumanFormatOptions {
  /** ANSI colours, for a terminal; never in CI logs or files. */
  color?: boolean;
  /** Replaces the closing `N errors, M warnings` line, e.g. by `Checked 8 pages: N errors, M warnings`. */
  summary?: string;
}

/** `file:line:column`, leaving out what is unknown. */
export function location(d: Pick<Diagnostic, "file" | "line" | "column">): string {
  let where = d.file;
  if (d.line) where += `:${d.line}`;
  if (d.line && d.column) where += `:${d.column}`;
  return where;
}

/**
 * Plain text report grouped by file (a blank line between files), each problem as
 * `file:line:col: severity code: message` so that editors and terminals can jump to it,
 * ending with the `N errors, M warnings` summary.
 */
export function formatHuman(diagnostics: Diagnostic[], options: HumanFormatOptions = {}): string {
  const summary = options.summary ?? summaryLine(diagnostics);
  return formatProblems(diagnostics, options.color) + paintSummary(summary, diagnostics, options.color);
}

/** The problems of the report, each followed by its include chain and hint; a blank line ends them. */
export function formatProblems(diagnostics: Diagnostic[], color = false): string {
  const paint = painter(color);
  const lines: string[] = [];
  let previousFile: string | undefined;
  for (const d of diagnostics) {
    if (previousFile !== undefined && d.file !== previousFile) lines.push("");
    previousFile = d.file;
    const severity = d.severity === "error" ? paint.red(d.severity) : paint.yellow(d.severity);
    const code = d.baselined ? `${d.code} (baselined)` : d.code;
    lines.push(`${paint.bold(location(d))}: ${severity} ${paint.dim(code)}: ${d.message}`);
    for (const line of includedFromLines(d)) lines.push(`  ${line}`);
    if (d.hint) lines.push(`  ${paint.cyan("hint")}: ${d.hint}`);
  }
  return lines.length ? lines.join("\n") + "\n\n" : "";
}

/** The summary line, red when `counted` has an error, yellow for warnings only, else green. */
export function paintSummary(summary: string, counted: readonly Diagnostic[], color = false): string {
  const paint = painter(color);
  const errors = counted.some((d) => d.severity === "error");
  const warnings = counted.some((d) => d.severity === "warning");
  return errors ? paint.red(summary) : warnings ? paint.yellow(summary) : paint.green(summary);
}

export function summaryLine(diagnostics: Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return countLine(errors, diagnostics.length - errors);
}

/** `1 error, 2 warnings`. */
export function countLine(errors: number, warnings: number): string {
  return `${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}`;
}

function painter(enabled: boolean) {
  const wrap = (open: number, close: number) => (text: string) => (enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    cyan: wrap(36, 39),
  };
}
