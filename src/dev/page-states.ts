import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { PageRender } from "./page-render.ts";

/**
 * Where each page of one load of the tree stands: its latest render, by output path, and whether a save has made
 * it stale. A page without a render, or stale, renders when it is next asked for, or in the background.
 */
export class PageStates {
  private readonly renders = new Map<string, PageRender>();
  private readonly stale = new Set<string>();
  /** Pages whose front matter broke since the tree loaded, by file, with the problem. */
  readonly unreadable = new Map<string, Diagnostic>();

  get(outputPath: string): PageRender | undefined {
    return this.renders.get(outputPath);
  }

  set(outputPath: string, render: PageRender): void {
    this.renders.set(outputPath, render);
    this.stale.delete(outputPath);
  }

  needsRender(outputPath: string): boolean {
    return !this.renders.has(outputPath) || this.stale.has(outputPath);
  }

  markStale(outputPath: string): void {
    this.stale.add(outputPath);
  }

  /** A new layout, say: every page renders again. */
  markAllStale(): void {
    for (const outputPath of this.renders.keys()) this.stale.add(outputPath);
  }

  /** The pages that pulled in one of `files` (absolute paths), and those with problems, which may have wanted one. */
  markUsersOf(files: ReadonlySet<string>): void {
    for (const [outputPath, render] of this.renders) {
      if (render.problems.length || render.rendered?.dependencies.some((file) => files.has(file))) this.stale.add(outputPath);
    }
  }

  /** Every page rendered so far, by output path. */
  all(): ReadonlyMap<string, PageRender> {
    return this.renders;
  }

  /** Output paths of the Markdown twins written with the pages. */
  twinPaths(): string[] {
    return [...this.renders.values()].flatMap((render) => (render.twin ? [render.twin.outputPath] : []));
  }
}
