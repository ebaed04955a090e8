import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { PreviewSession } from "../../src/dev/preview-session.ts";

/**
 * The live preview's session on a tree, without a server or a watcher: a test asks for pages as a browser would,
 * reports saves as the watcher would, and reads what the session wrote and printed.
 */
export class PreviewHarness {
  readonly outputDir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-preview-session-"));
  /** Output paths in the order they were written. */
  readonly writes: string[] = [];
  /** Problems in the order they were printed. */
  readonly printed: Diagnostic[] = [];
  /** What each browser reload was told (output paths of pages updated in place, then other files). */
  readonly reloads: string[][] = [];
  readonly summaries: string[] = [];
  readonly session: PreviewSession;

  constructor(readonly sourceDir: string) {
    this.session = new PreviewSession({
      sourceDir,
      cacheDir: false,
      outputDir: this.outputDir,
      events: {
        problems: (problems) => this.printed.push(...problems),
        settled: (summary) => this.summaries.push(summary),
        wrote: (outputPath) => this.writes.push(outputPath),
        reload: ({ pages, files }) => this.reloads.push([...pages.map((page) => page.outputPath), ...files]),
      },
    });
  }

  static async open(sourceDir: string): Promise<PreviewHarness> {
    const harness = new PreviewHarness(sourceDir);
    await harness.session.start();
    return harness;
  }

  /** Asks for a page as a browser opening it would, and returns the file served (the answer, if the session gives one). */
  async page(outputPath: string): Promise<string> {
    const answer = await this.session.request([outputPath], true);
    return answer?.html ?? this.read(outputPath);
  }

  /** Renders and checks every page, and waits until nothing is left to do. */
  async settle(): Promise<void> {
    await this.session.startBackground();
    await this.session.idle();
  }

  /** Writes `text` into the tree's `rel` (deletes it for undefined), tells the session, and returns what it wrote. */
  async save(rel: string, text: string | undefined): Promise<string[]> {
    const file = path.join(this.sourceDir, rel);
    if (text === undefined) fs.rmSync(file);
    else fs.writeFileSync(file, text);
    const from = this.writes.length;
    await this.session.saved([file]);
    await this.session.idle();
    return this.writes.slice(from);
  }

  /** Edits the tree's `rel` with `change` and saves it. */
  edit(rel: string, change: (text: string) => string): Promise<string[]> {
    return this.save(rel, change(fs.readFileSync(path.join(this.sourceDir, rel), "utf8")));
  }

  read(outputPath: string): string {
    return fs.readFileSync(path.join(this.outputDir, outputPath), "utf8");
  }

  exists(outputPath: string): boolean {
    return fs.existsSync(path.join(this.outputDir, outputPath));
  }

  close(): void {
    fs.rmSync(this.outputDir, { recursive: true, force: true });
  }
}
