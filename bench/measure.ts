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

/**
 * Runs a command to completion, measuring wall time, and CPU time and peak memory of it and every process it
 * starts: from /proc where there is one (bench/process-tree.ts says why), else with GNU time when present.
 */
export function measure(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Measurement> {
  const withTime = fs.existsSync(TIME);
  const argv = withTime ? [TIME, "-f", "@@time %e %U %S %M", command, ...args] : [command, ...args];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { cwd: options.cwd, env: { ...process.env, ...options.env } });
    const tree = child.pid === undefined ? undefined : sampleProcessTree(child.pid);
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.stdout.resume();
    child.on("error", reject);
    child.on("close", (exitCode) => {
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
