import { reportFormat } from "../diagnostics/output-style.ts";

/**
 * With `--format json`, stdout holds the JSON report and nothing else, so that a tool can parse it: what a tree's
 * `_plugins/*.mjs` prints with console.log (or .info, .debug) goes to stderr instead, beside the build's other lines.
 */
export function keepStdoutForReport(format: string | undefined): void {
  if (reportFormat(format) !== "json") return;
  const toStderr = (...values: unknown[]) => console.error(...values);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
}
