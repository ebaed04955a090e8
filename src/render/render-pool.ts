import os from "node:os";
import { packWrittenZones } from "../text/written-offset.ts";
import { Worker } from "node:worker_threads";
import type { SiteConfig } from "../config/site-config.ts";
import type { SourcePage } from "../content/source-page.ts";
import { RUNNING_BUNDLED } from "../paths.ts";
import { createRenderer } from "./create-renderer.ts";
import { KeptStrings } from "./kept-strings.ts";
import { renderBatch, type BatchResult } from "./render-batch.ts";
import type { RenderedPage } from "./render-page.ts";
import type { SiteModel } from "./site-model.ts";

/** What a render thread needs to set itself up. */
export interface WorkerSetup {
  sourceDir: string;
  site: SiteConfig;
  model: SiteModel;
  /** Highlighted code saved by the last build. */
  highlightSeed: Array<[string, string]>;
}

export type WorkerReply = { kind: "ready" } | ({ kind: "done"; batch: number } & BatchResult);

/**
 * A render thread costs about half a second to start (modules, Shiki, the model). Measured here, one
 * broke even at 1,000 pages; below this many pages it cannot pay for itself.
 */
const PARALLEL_FROM_PAGES = 600;
/**
 * Pages a thread renders before it yields. This thread yields to the event loop only between batches, and only then
 * does Node pass the pages written meanwhile down the pipe to Pagefind (src/search/search-feed.ts): a batch of 50
 * (about 100 ms) left Pagefind idle for most of it, 300 pages behind the render on 1,500 pages, and its last bundle
 * was indexed after the render. With 10 it keeps up: the search index adds 0.15-0.2 s at the end instead of 0.3-0.45,
 * and the build's peak is 10-15 MiB lower (fewer pages waiting; fewer rendered pages living long enough to be moved
 * to V8's old generation).
 */
const BATCH_SIZE = 10;

export interface RenderOptions extends WorkerSetup {
  /** Extra threads besides this one; default: one per spare core (`spareCores`) on a site of many pages, else none. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * Called with each page, and the source it rendered from, once it and all pages before it have rendered; what it
   * returns is kept (src/build/page-stream.ts).
   */
  onRendered?: (page: RenderedPage, source: SourcePage) => RenderedPage;
  /** Awaited before each batch is handed out: lets what `onRendered` feeds catch up (src/search/search-feed.ts). */
  pace?: () => Promise<void>;
}

/**
 * Renders every page, this thread and worker threads pulling batches from one queue, so a thread that
 * starts late or meets heavy pages simply takes fewer batches. Results keep the pages' order.
 */
export async function renderPages(
  pages: readonly SourcePage[],
  options: RenderOptions,
): Promise<Omit<BatchResult, "highlights"> & { highlights: Map<string, string> }> {
  const batches: SourcePage[][] = [];
  for (let i = 0; i < pages.length; i += BATCH_SIZE) batches.push(pages.slice(i, i + BATCH_SIZE));
  const results: BatchResult[] = new Array(batches.length);
  // Batch numbers still to render; a worker that dies puts its batch back for this thread.
  const queue = batches.map((_, index) => index);
  let done = 0;
  // Batches finish in any order; `onRendered` gets their pages in source order, so that what it writes and
  // indexes comes out the same with threads as without. A batch that finishes early waits here.
  const early = new Map<number, BatchResult>();
  const kept = new KeptStrings();
  let nextInOrder = 0;
  const finish = (batch: number, result: BatchResult) => {
    done += result.rendered.length;
    options.onProgress?.(done, pages.length);
    early.set(batch, result);
    const keep = options.onRendered ?? ((page: RenderedPage) => page);
    for (let next = early.get(nextInOrder); next; next = early.get(nextInOrder)) {
      early.delete(nextInOrder);
      const sources = batches[nextInOrder];
      results[nextInOrder++] = { ...next, rendered: next.rendered.map((page, i) => page && keep(kept.page(page), sources[i])) };
    }
  };

  // A count given is taken (up to one thread a batch), however small the site: test/integration/threads-identical.test.ts
  // compares the output with and without threads on a small tree.
  const wanted = options.workers ?? (pages.length < PARALLEL_FROM_PAGES ? 0 : spareCores(options.pace ? 1 : 0));
  const workerCount = Math.min(wanted, batches.length);
  const workers = Array.from({ length: workerCount }, () => startWorker(options, queue, batches, finish, options.pace));
  const allWorkersStopped = Promise.all(workers);

  const renderer = await createRenderer(options.sourceDir, options.site, options.model, options.highlightSeed);
  let stopped = false;
  void allWorkersStopped.then(() => (stopped = true));
  while (hasGaps(results)) {
    await options.pace?.();
    const batch = queue.shift();
    if (batch !== undefined) {
      finish(batch, renderBatch(renderer, batches[batch]));
      // Let worker replies in between, so they are handed their next batch without waiting for ours.
      await new Promise((resolve) => setImmediate(resolve));
    } else if (stopped) {
      throw new Error("Render workers stopped with pages left unrendered");
    } else {
      // Workers still hold batches: wait, then pick up any that a failed worker gave back.
      await Promise.race([allWorkersStopped, new Promise((resolve) => setTimeout(resolve, 5))]);
    }
  }
  await allWorkersStopped;

  return {
    rendered: results.flatMap((r) => r.rendered),
    diagnostics: results.flatMap((r) => r.diagnostics),
    shortfalls: results.flatMap((r) => r.shortfalls),
    highlights: new Map(results.flatMap((r) => r.highlights)),
  };
}

/**
 * Cores left for render threads besides this one and `busy` others. Pagefind indexing pages as they render (what
 * `pace` waits for) keeps one core busy: on 1,500 pages on two cores, a render thread beside it then cost 2.5 s more
 * CPU and 80 MiB more memory for no shorter build.
 */
function spareCores(busy: number): number {
  return Math.max(0, Math.min(os.availableParallelism(), 8) - 1 - busy);
}

/** The bundle has the worker beside this code; from sources, a small entry registers tsx in the thread first. */
function workerScript(): URL {
  return new URL(RUNNING_BUNDLED ? "./render-worker.mjs" : "./render-worker-entry.mjs", import.meta.url);
}

function hasGaps(results: BatchResult[]): boolean {
  for (let i = 0; i < results.length; i++) if (!results[i]) return true;
  return false;
}

/** Resolves once the worker has stopped; it takes batches from the queue while any are left. */
function startWorker(
  setup: WorkerSetup,
  queue: number[],
  batches: SourcePage[][],
  finish: (batch: number, result: BatchResult) => void,
  pace: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  const worker = new Worker(workerScript(), {
    workerData: {
      sourceDir: setup.sourceDir,
      // Times written with a zone go packed, and keep it there (src/text/written-offset.ts).
      site: packWrittenZones(setup.site) ?? setup.site,
      model: setup.model,
      highlightSeed: setup.highlightSeed,
    } satisfies WorkerSetup,
  });
  let holding: number | undefined;
  let running = true;
  const handOut = () => {
    if (!running) return; // stopped while it waited for the pace: its batches are the main thread's
    holding = queue.shift();
    if (holding === undefined) {
      worker.postMessage("stop");
      return;
    }
    const packed = packWrittenZones(batches[holding]);
    worker.postMessage({ batch: holding, pages: packed ?? batches[holding], zoned: packed !== undefined });
  };
  return new Promise((resolve) => {
    worker.on("message", (reply: WorkerReply) => {
      if (reply.kind === "done") finish(reply.batch, reply);
      holding = undefined;
      void pace().then(handOut);
    });
    // A worker that fails (it should not) costs speed, not pages: its batch goes back to the queue.
    worker.on("error", (error) => {
      process.emitWarning(`A render worker stopped: ${error.message}; continuing on the main thread.`);
      if (holding !== undefined) queue.push(holding);
      holding = undefined;
    });
    worker.on("exit", () => {
      running = false;
      resolve();
    });
  });
}
