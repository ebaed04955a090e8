import type { DiagnosticList } from "../diagnostics/diagnostic.ts";

/** Counts the pages the preview renders between two rounds of checks, and says where it stands after each. */
export class RoundSummary {
  onRequest = 0;
  inBackground = 0;

  /** The line printed once every page is rendered and checked; the counts start again. */
  summary(pages: number, checkMs: number, all: DiagnosticList): string {
    const { onRequest, inBackground } = this;
    this.onRequest = this.inBackground = 0;
    const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
    return (
      `Preview: ${pages} pages up to date (${onRequest} rendered on request, ${inBackground} in the background); ` +
      `checks ${Math.round(checkMs)} ms; ${count(all.errorCount, "error")}, ${count(all.warningCount, "warning")}`
    );
  }
}
