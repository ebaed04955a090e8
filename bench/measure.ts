import { spawn } from "node:child_process";
import fs from "node:fs";
import { sampleProcessTree } from "./process-tree.ts";

export interface Measurement {
  wallSeconds: number;
  cpuSeconds?: number;
  peakRssMiB?: number;
  /** CPU seconds by thread (bench/process-tree.ts), where /proc tells. */
  cpuByThread?: Record<string, number>;
  exitCode: number | null;
  stderr: string;
}

const TIME = "/usr/bin/time";

/** The process groups of the commands being measured: each starts a group of its own, ended with the bench. */
const running = new Set<number>();
let stoppedOnExit = false;

/**
 * Ends every command being measured, and what it started (Pagefind), at once. A build left running when the bench
 * ends (a failure, Ctrl-C, a signal to the bench alone) went on for minutes, and wrote its highlight cache over the
 * one the bench had just put back (bench/kept-highlight-cache.ts).
 */
export function stopMeasuredCommands(): void {
  for (const group of running) {
    try {
      process.kill(-group, "SIGKILL");
    } catch {
      // Ended meanwhile.
    }
  }
  running.clear();
}

/** Has the bench end what it measures however it ends: on exit, and on Ctrl-C or SIGTERM (through the exit). */
export function stopMeasuredCommandsOnExit(): void {
  if (stoppedOnExit) return;
  stoppedOnExit = true;
  process.on("exit", stopMeasuredCommands);
  // Through the exit handler: the commands, in groups of their own, do not get the terminal's Ctrl-C themselves.
  process.once("SIGINT", () => process.exit(130));
  process.once("SIGTERM", () => process.exit(143));
}

/**
 * Runs a command to completion, measuring wall time, and CPU time and peak memory of it and every process it
 * starts: from /proc where there is one (bench/process-tree.ts says why), else with GNU time when present.
 */
export function measure(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Measurement> {
  const withTime = fs.existsSync(TIME);
  const argv = withTime ? [TIME, "-f", "@@time %e %U %S %M", command, ...args] : [command, ...args];
  const started = performance.now();
  stopMeasuredCommandsOnExit();
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { cwd: options.cwd, env: { ...process.env, ...options.env }, detached: true });
    const group = child.pid;
    if (group !== undefined) running.add(group);
    const tree = child.pid === undefined ? undefined : sampleProcessTree(child.pid);
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.stdout.resume();
    child.on("error", reject);
    child.on("close", (exitCode) => {
      if (group !== undefined) running.delete(group);
      const wallSeconds = (performance.now() - started) / 1000;
      const line = /@@time ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(stderr);
      const all = tree?.stop();
      const timed = line ? Number(line[2]) + Number(line[3]) : undefined;
      resolve({
        wallSeconds,
        // GNU time's figure is exact for what it counts; the samples add what it leaves out.
        cpuSeconds: all && timed !== undefined ? Math.max(all.cpuSeconds, timed) : (all?.cpuSeconds ?? timed),
        peakRssMiB: all ? all.peakRssMiB : line ? Number(line[4]) / 1024 : undefined,
        cpuByThread: all?.cpuByThread,
        exitCode,
        stderr: stderr.replace(/@@time.*\n?/, ""),
      });
    });
  });
}
