// The in-memory half of the fuzz test builds in this worker thread (test/fuzz/build-in-worker.ts): a tree that
// makes the build hang or run out of memory then fails one run with its tree, instead of the whole test process.
import path from "node:path";
import { parentPort } from "node:worker_threads";
import { checkSite } from "../../src/checks/check-site.ts";
import { buildSite } from "../../src/build/build-site.ts";
import type { WorkerBuild } from "./build-in-worker.ts";

parentPort!.on("message", async (sourceDir: string) => {
  let reply: WorkerBuild;
  try {
    // No render threads and no highlight cache: one tree at a time, and nothing written anywhere.
    const build = await buildSite({ sourceDir, workers: 0, cacheDir: false });
    checkSite(build);
    reply = {
      diagnostics: build.diagnostics.sorted(),
      errorCount: build.diagnostics.errorCount,
      outputs: build.outputs.map(({ outputPath, html }) => ({ outputPath, html })),
      staticFiles: build.staticFiles,
      included: [...new Set(build.rendered.flatMap((page) => page.dependencies))].map((file) => path.relative(sourceDir, file).split(path.sep).join("/")),
    };
  } catch (error) {
    reply = { thrown: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
