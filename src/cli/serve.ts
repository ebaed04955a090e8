// `npm start`: runs the live preview (src/dev/live-preview.ts) in this process, so that the first page does not
// wait for a second Node process to start and load the generator. When the generator's own TypeScript changes, the
// preview runs again in a child process (src/cli/dev-server.ts), started afresh on each further change, because
// Node caches imported modules: no process can run the new code after importing the old.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { LivePreview } from "../dev/live-preview.ts";
import { onStopRequest } from "../dev/on-stop-request.ts";
import { previewOptions } from "../dev/preview-options.ts";
import { removePreviewOutput } from "../dev/preview-output.ts";
import { GENERATOR_ROOT, RUNNING_BUNDLED } from "../paths.ts";
import { answerBeforeOptions } from "./help.ts";
import { PREVIEW_HELP } from "./preview-help.ts";

/** How long the preview gets to close its server and watcher before it is killed. */
const STOP_TIMEOUT_MS = 3_000;

const args = process.argv.slice(2);
const early = answerBeforeOptions(args, PREVIEW_HELP);
if (early !== undefined) process.exit(early);
const options = previewOptions(args);
/** The first preview, run here until the generator's code changes. */
let inProcess: LivePreview | undefined = new LivePreview(options);
let child: ChildProcess | undefined;
let restartTimer: NodeJS.Timeout | undefined;
/** Restarts one after the other: a change during a restart restarts again once that one is done. */
let restarting: Promise<void> = Promise.resolve();
/** The port the preview really got, kept across restarts so that an open browser tab keeps working. */
let port: number | undefined;
/** Children we asked to stop: their exit is no news. */
const stopped = new WeakSet<ChildProcess>();
let shuttingDown = false;
const watchers: fs.FSWatcher[] = [];

/** How to run the preview anew: from the sources through tsx, or from the bundle, which is built again first. */
function previewCommand(): string[] {
  if (!RUNNING_BUNDLED) return ["--import", "tsx", path.join(GENERATOR_ROOT, "src/cli/dev-server.ts")];
  return [path.join(GENERATOR_ROOT, "bin/element-guides.mjs"), "dev-server"];
}

function startChild(): void {
  const portArgs = port === undefined ? [] : ["--port", String(port)];
  const started = spawn(process.execPath, [...previewCommand(), ...args, ...portArgs], { stdio: ["inherit", "inherit", "inherit", "ipc"] });
  started.on("message", (message: { port?: number }) => {
    if (typeof message.port === "number") port = message.port;
  });
  started.on("exit", (code, signal) => {
    // Exit code 0: it was asked to stop (Ctrl-C reaches it and us at once).
    if (stopped.has(started) || code === 0) return;
    // A refused option or --out: nothing to wait for.
    if (code === 2) process.exit(2);
    process.stderr.write(`The preview stopped (${signal ?? `exit code ${code}`}); it starts again when a file under src/ changes.\n`);
  });
  child = started;
}

/** Asks the child to stop and resolves once it has exited, killing it if it takes longer than STOP_TIMEOUT_MS. */
function stopChild(): Promise<void> {
  const running = child;
  if (!running || running.exitCode !== null || running.signalCode !== null) return Promise.resolve();
  stopped.add(running);
  return new Promise((resolve) => {
    const kill = setTimeout(() => running.kill("SIGKILL"), STOP_TIMEOUT_MS);
    running.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    running.kill("SIGTERM");
  });
}

/** Stops the preview, wherever it runs; the port is free once this resolves. */
async function stopPreview(exiting: boolean): Promise<void> {
  const here = inProcess;
  inProcess = undefined;
  if (here) {
    await here.stop({ exiting });
    port = here.port ?? port;
  }
  await stopChild();
}

function restart(changed: string): void {
  clearTimeout(restartTimer);
  restartTimer = setTimeout(() => {
    restarting = restarting.then(async () => {
      if (shuttingDown) return;
      process.stdout.write(`${changed} changed: restarting the preview\n`);
      await stopPreview(false);
      if (!shuttingDown) startChild();
    });
  }, 150);
}

/** Watches src/ for changes to the generator's code. Node walks the folder for that (about 0.1 s of CPU). */
function watchGeneratorCode(): void {
  if (shuttingDown || watchers.length) return;
  watchers.push(
    fs.watch(path.join(GENERATOR_ROOT, "src"), { recursive: true }, (_event, file) => {
      if (file && file.endsWith(".ts")) restart(`src/${file}`);
    }),
  );
}

onStopRequest(async () => {
  shuttingDown = true;
  clearTimeout(restartTimer);
  for (const watcher of watchers) watcher.close();
  // Never hang on a preview that does not stop: the last resort, after a child's kill.
  setTimeout(() => {
    removePreviewOutput(options.output);
    process.exit(0);
  }, STOP_TIMEOUT_MS + 1_000).unref();
  await stopPreview(true);
  process.exit(0);
});
const first = inProcess;
await first.start();
port = first.port;
// The first page should not wait for the walk of src/.
void first.firstPageOut.then(watchGeneratorCode);
