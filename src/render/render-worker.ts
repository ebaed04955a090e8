// A render thread: builds its own Liquid, Markdown and Shiki, then renders the batches it is sent.
import { parentPort, workerData } from "node:worker_threads";
import type { SourcePage } from "../content/source-page.ts";
import { createRenderer } from "./create-renderer.ts";
import { renderBatch } from "./render-batch.ts";
import { unpackWrittenZones } from "../text/written-offset.ts";
import type { WorkerSetup, WorkerReply } from "./render-pool.ts";

const setup = workerData as WorkerSetup;
const renderer = await createRenderer(setup.sourceDir, unpackWrittenZones(setup.site), setup.model, setup.highlightSeed);
const port = parentPort!;

port.on("message", (message: { batch: number; pages: SourcePage[]; zoned: boolean } | "stop") => {
  if (message === "stop") {
    port.close();
    return;
  }
  const reply: WorkerReply = { kind: "done", batch: message.batch, ...renderBatch(renderer, message.zoned ? unpackWrittenZones(message.pages) : message.pages) };
  port.postMessage(reply);
});
port.postMessage({ kind: "ready" } satisfies WorkerReply);
