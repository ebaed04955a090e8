import type { BuildOptions } from "../build/build-site.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

/** What the session tells the terminal and the browsers. */
export interface PreviewEvents {
  /** Problems not printed before (each is printed once while it lasts). */
  problems(problems: Diagnostic[]): void;
  /** Every page is rendered and checked again: where the preview stands, in one line. */
  settled(summary: string): void;
  /** Each file written into the output folder, as it is written. */
  wrote?(outputPath: string): void;
  /**
   * Browsers should show what changed: `pages` were shown in a browser lately and are re-rendered (their new
   * HTML, to update them in place); any other page a browser shows reloads, rendering on request if it must.
   */
  reload(changed: { pages: Array<{ outputPath: string; html: string }>; files: string[] }): void;
}

export interface PreviewSessionOptions extends BuildOptions {
  outputDir: string;
  events: PreviewEvents;
}
