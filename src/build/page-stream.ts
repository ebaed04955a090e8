import fs from "node:fs";
import path from "node:path";
import { releaseBody } from "../content/page-body.ts";
import type { SourcePage } from "../content/source-page.ts";
import type { RenderedPage } from "../render/render-page.ts";
import type { SiteOutput } from "../render/site-output.ts";
import type { SearchFeed } from "../search/search-feed.ts";

/**
 * Writes each page into the output folder as soon as it is rendered and keeps the page without its HTML, and its
 * source without its body, so that memory does not grow with the site: the checks read only a page's facts, links
 * and includes.
 */
export interface PageStream {
  /**
   * Writes the page and returns it with its HTML dropped, letting go of the body of its source (`source`, the
   * tree's page of its file, or a copy of it that the render was given); a page it cannot write is kept whole.
   */
  write(page: RenderedPage, source?: SourcePage): RenderedPage;
  /** Output paths written so far. */
  written: Set<string>;
  /** Resolves once at most MAX_WRITING files wait to be written: the render waits here for a slow disk. */
  caughtUp(): Promise<void>;
  /** Waits for the writes still under way, then throws the first write error (a thread's reply is no place to throw). */
  finish(): Promise<void>;
}

/**
 * Files handed to libuv at most before the render waits: each holds its page's HTML until written. A local disk
 * writes a file in 25-150 µs, far sooner than a page renders, so this only holds back a render on a slow disk.
 */
const MAX_WRITING = 256;

/**
 * `besidePage` makes a file written with the page, such as its Markdown twin (src/agents/agent-files.ts); `search`
 * is handed each page written, to index while the rest render (src/search/search-feed.ts).
 */
export function pageStream(
  dir: string,
  pages: readonly SourcePage[],
  besidePage?: (page: RenderedPage) => SiteOutput | undefined,
  search?: Pick<SearchFeed, "add">,
): PageStream {
  // Two pages of one output path are a collision (src/checks/output-collisions.ts) that the levels of
  // _config.yml may let through: those are left to the final write, which keeps the order of the sources.
  const seen = new Map<string, number>();
  for (const page of pages) seen.set(page.outputPath, (seen.get(page.outputPath) ?? 0) + 1);
  const byFile = new Map(pages.map((page) => [page.file, page]));
  const written = new Set<string>();
  const folders = new Set<string>();
  let failure: unknown;
  // Files are written on libuv's threads, not the render's: creating 3,000 files took 470 ms of the main thread on an
  // ext4 without a journal where files had just been deleted (150 on tmpfs, 75 on a disk without recent deletions).
  // Folders are made at once, so that a file's folder is there before its write starts.
  let writing = 0;
  let allWritten: () => void = () => {};
  let caughtUp: () => void = () => {};
  const writeFile = (outputPath: string, text: string) => {
    const file = path.join(dir, outputPath);
    const folder = path.dirname(file);
    if (!folders.has(folder)) fs.mkdirSync(folder, { recursive: true });
    folders.add(folder);
    writing++;
    fs.writeFile(file, text, (error) => {
      // A failed write (a full disk) names no file; the message should.
      if (error) failure ??= Object.assign(error, { path: error.path ?? file });
      else written.add(outputPath);
      if (--writing <= MAX_WRITING) caughtUp();
      if (writing === 0) allWritten();
    });
  };
  return {
    written,
    write(page, source) {
      const own = byFile.get(page.file);
      // Pages 2 and on of a paginated index are generated files, which a page may overrule: written at the end.
      if (failure !== undefined || own?.outputPath !== page.outputPath || seen.get(page.outputPath) !== 1) return page;
      try {
        writeFile(page.outputPath, page.html);
        search?.add(page.outputPath, page.html);
        const beside = besidePage?.(page);
        if (beside) writeFile(beside.outputPath, beside.html);
      } catch (error) {
        failure = error;
        return page;
      }
      // The source's body, like the Liquid output, stays no longer than the page: memory stays flat in site size.
      releaseBody(own);
      if (source) releaseBody(source);
      const { markdown: _written, ...kept } = page;
      return { ...kept, html: "" };
    },
    caughtUp: () => (writing <= MAX_WRITING ? Promise.resolve() : new Promise((resolve) => (caughtUp = resolve))),
    async finish() {
      if (writing > 0) await new Promise<void>((resolve) => (allWritten = resolve));
      if (failure !== undefined) throw failure;
    },
  };
}
