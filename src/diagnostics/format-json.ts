import type { Diagnostic } from "./diagnostic.ts";

/**
 * The machine-readable report of `--format json`: every diagnostic as it is, plus the counts of those that count
 * (with a baseline, the new ones). A problem in an include that several pages use is one entry whose `chains`
 * holds every page's include chain.
 */
export function formatJson(
  diagnostics: Diagnostic[],
  extra: Record<string, unknown> = {},
  counted: readonly Diagnostic[] = diagnostics,
): string {
  const errorCount = counted.filter((d) => d.severity === "error").length;
  return JSON.stringify(
    { ...extra, errorCount, warningCount: counted.length - errorCount, diagnostics },
    null,
    2,
  );
}
