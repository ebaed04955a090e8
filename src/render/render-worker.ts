// A render thread: builds its own Liquid, Markdown and Shiki, then renders the batches it is sent.
import { parentPort, workerData } from "node:worker_threads";
import type { SourcePage } from "../content/source-page.ts";
import { createRenderer } from "./create-renderer.ts";
import { renderBatch } from "./render-batch.ts";
import type { WorkerSetup, WorkerReply } from "./render-pool.ts";

const setup = workerData as WorkerSetup;
const renderer = await createRenderer(setup.sourceDir, setup.site, setup.model, setup.highlightSeed);
const port = parentPort!;

port.on("message", (message: { batch: number; pages: SourcePage[] } | "stop") => {
  if (message === "stop") {
    port.close();
    return;
  }
  const reply: WorkerReply = { kind: "done", batch: message.batch, ...renderBatch(renderer, message.pages) };
  port.postMessage(reply);
});
port.postMessage({ kind: "ready" } satisfies WorkerReply);
