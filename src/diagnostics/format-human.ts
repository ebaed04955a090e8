import type { Diagnostic } from "./diagnostic.ts";

/** `file:line:column`, leaving out what is unknown. */
export function location(d: Pick<Diagnostic, "file" | "line" | "column">): string {
  let where = d.file;
  if (d.line) where += `:${d.line}`;
  if (d.line && d.column) where += `:${d.column}`;
  return where;
}

/** Plain text report, one block per diagnostic, ending with the `N errors, M warnings` summary. */
export function formatHuman(diagnostics: Diagnostic[]): string {
  const lines: string[] = [];
  for (const d of diagnostics) {
    lines.push(`${location(d)}: ${d.severity} ${d.code}: ${d.message}`);
    if (d.chain?.length) lines.push(`  included from ${d.chain.join(" -> ")}`);
    if (d.hint) lines.push(`  hint: ${d.hint}`);
  }
  lines.push(summaryLine(diagnostics));
  return lines.join("\n");
}

export function summaryLine(diagnostics: Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  return `${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}`;
}
