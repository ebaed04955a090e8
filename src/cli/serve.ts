// `npm start`: runs the live preview (src/cli/dev-server.ts) and restarts it when the generator's own
// TypeScript changes, because Node caches imported modules.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { onStopRequest } from "../dev/on-stop-request.ts";
import { GENERATOR_ROOT, RUNNING_BUNDLED } from "../paths.ts";

/** How long the preview gets to close its server and watcher before it is killed. */
const STOP_TIMEOUT_MS = 3_000;

const args = process.argv.slice(2);
let child: ChildProcess | undefined;
let restartTimer: NodeJS.Timeout | undefined;
/** The port the preview really got, kept across restarts so that an open browser tab keeps working. */
let port: number | undefined;
/** Children we asked to stop: their exit is no news. */
const stopped = new WeakSet<ChildProcess>();
let shuttingDown = false;

/**
 * How to run the preview the way we were run: from the sources through tsx, or from the bundle. The bundle we
 * run from is current when we start; after a change under src/, bin/element-guides.mjs builds it again.
 */
function previewCommand(restarting: boolean): string[] {
  if (!RUNNING_BUNDLED) return ["--import", "tsx", path.join(GENERATOR_ROOT, "src/cli/dev-server.ts")];
  if (restarting) return [path.join(GENERATOR_ROOT, "bin/element-guides.mjs"), "dev-server"];
  return [fileURLToPath(new URL("./dev-server.mjs", import.meta.url))];
}

function start(restarting = false): void {
  const portArgs = port === undefined ? [] : ["--port", String(port)];
  const command = [...previewCommand(restarting), ...args, ...portArgs];
  const started = spawn(process.execPath, command, { stdio: ["inherit", "inherit", "inherit", "ipc"] });
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

function restart(changed: string): void {
  clearTimeout(restartTimer);
  restartTimer = setTimeout(async () => {
    process.stdout.write(`${changed} changed: restarting the preview\n`);
    await stopChild();
    if (!shuttingDown) start(true);
  }, 150);
}

// The preview first: watching src/ costs a little time that the first page should not wait for.
start();
const watchers = [
  fs.watch(path.join(GENERATOR_ROOT, "src"), { recursive: true }, (_event, file) => {
    if (file && file.endsWith(".ts")) restart(`src/${file}`);
  }),
];
onStopRequest(async () => {
  shuttingDown = true;
  clearTimeout(restartTimer);
  for (const watcher of watchers) watcher.close();
  await stopChild();
  process.exit(0);
});
