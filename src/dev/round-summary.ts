import type { DiagnosticList } from "../diagnostics/diagnostic.ts";

/**
 * Counts the pages the preview renders between two rounds of checks, and says where it stands after each. A page is
 * counted once, where it was first rendered in the round: a page rendered again after a save does not make the
 * counts add up to more pages than the site has.
 */
export class RoundSummary {
  private onRequest = new Set<string>();
  private inBackground = new Set<string>();

  renderedOnRequest(outputPath: string): void {
    if (!this.inBackground.has(outputPath)) this.onRequest.add(outputPath);
  }

  renderedInBackground(outputPath: string): void {
    if (!this.onRequest.has(outputPath)) this.inBackground.add(outputPath);
  }

  /**
   * The line printed once every page is rendered and checked, `pages` the site's output paths now (a page made and
   * deleted again within the round is not counted); the counts start again.
   */
  summary(pages: Pick<ReadonlySet<string>, "has" | "size">, checkMs: number, all: DiagnosticList): string {
    const onRequest = [...this.onRequest].filter((page) => pages.has(page)).length;
    const inBackground = [...this.inBackground].filter((page) => pages.has(page)).length;
    this.onRequest = new Set();
    this.inBackground = new Set();
    const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
    return (
      `Preview: ${count(pages.size, "page")} up to date (${onRequest} rendered on request, ${inBackground} in the background); ` +
      `checks ${Math.round(checkMs)} ms; ${count(all.errorCount, "error")}, ${count(all.warningCount, "warning")}`
    );
  }
}
