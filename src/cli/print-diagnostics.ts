import path from "node:path";
import type { DiagnosticList } from "../diagnostics/diagnostic.ts";
import { formatGithub } from "../diagnostics/format-github.ts";
import { formatHuman, summaryLine } from "../diagnostics/format-human.ts";
import { formatJson } from "../diagnostics/format-json.ts";
import { reportFormat, useColor } from "../diagnostics/output-style.ts";

export interface PrintOptions {
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** `human`, `json` or `github`; by default human, or GitHub annotations inside GitHub Actions. */
  format?: string;
  /** The last line of the human report, instead of `N errors, M warnings`. */
  summary?: string;
  /** The source tree, so that GitHub annotations name files relative to the checkout. */
  sourceDir?: string;
  /** Extra top-level fields of the JSON report. */
  extra?: Record<string, unknown>;
}

/** Errors and warnings in a stable order (stderr by default), ending with the summary line. */
export function printDiagnostics(diagnostics: DiagnosticList, options: PrintOptions = {}): void {
  const stream = options.stream ?? process.stderr;
  const sorted = diagnostics.sorted();
  switch (reportFormat(options.format)) {
    case "json":
      stream.write(formatJson(sorted, options.extra) + "\n");
      return;
    case "github": {
      const sourceDir = options.sourceDir;
      const pathOf = sourceDir ? (file: string) => toPosix(path.relative(".", path.resolve(sourceDir, file))) : undefined;
      if (sorted.length) stream.write(formatGithub(sorted, pathOf) + "\n");
      stream.write((options.summary ?? summaryLine(sorted)) + "\n");
      return;
    }
    default:
      stream.write(formatHuman(sorted, { color: useColor(stream), summary: options.summary }) + "\n");
  }
}

function toPosix(file: string): string {
  return file.split(path.sep).join("/");
}
