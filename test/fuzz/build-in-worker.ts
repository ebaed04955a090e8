import { Worker } from "node:worker_threads";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import type { StaticFile } from "../../src/render/static-files.ts";

/** What buildSite and checkSite made of a tree, as plain data; `thrown` when they threw instead. */
export type WorkerBuild =
  | {
      diagnostics: Diagnostic[];
      errorCount: number;
      outputs: Array<{ outputPath: string; html: string }>;
      staticFiles: StaticFile[];
      /** Every file some rendered page included, relative to the tree. */
      included: string[];
    }
  | { thrown: string };

/**
 * Builds trees one after another in a worker thread (test/fuzz/build-worker.ts), loaded once for many trees. A
 * build that runs past `timeoutMs` or out of memory rejects, and the next build gets a fresh worker.
 */
export class BuildWorker {
  private worker: Worker | undefined;

  build(sourceDir: string, timeoutMs: number): Promise<WorkerBuild> {
    const worker = (this.worker ??= new Worker(new URL("./build-worker-entry.mjs", import.meta.url), {
      // Well under the machine's memory: a build that needs more has gone wrong.
      resourceLimits: { maxOldGenerationSizeMb: 1536 },
    }));
    return new Promise((resolve, reject) => {
      const onMessage = (reply: WorkerBuild) => settle(() => resolve(reply));
      const onError = (error: Error) => {
        this.worker = undefined; // a worker out of memory has stopped
        settle(() => reject(error));
      };
      const timer = setTimeout(() => {
        this.stop();
        settle(() => reject(new Error(`The build did not finish within ${timeoutMs / 1000} s`)));
      }, timeoutMs);
      const settle = (then: () => void) => {
        clearTimeout(timer);
        worker.off("message", onMessage).off("error", onError);
        then();
      };
      worker.on("message", onMessage).on("error", onError);
      worker.postMessage(sourceDir);
    });
  }

  stop(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
