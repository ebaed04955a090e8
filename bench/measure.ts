import { spawn } from "node:child_process";
import fs from "node:fs";

export interface Measurement {
  wallSeconds: number;
  cpuSeconds?: number;
  peakRssMiB?: number;
  exitCode: number | null;
  stderr: string;
}

const TIME = "/usr/bin/time";

/** Runs a command to completion, measuring wall time, and CPU time and peak memory with GNU time when present. */
export function measure(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Measurement> {
  const withTime = fs.existsSync(TIME);
  const argv = withTime ? [TIME, "-f", "@@time %e %U %S %M", command, ...args] : [command, ...args];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { cwd: options.cwd, env: { ...process.env, ...options.env } });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.stdout.resume();
    child.on("error", reject);
    child.on("close", (exitCode) => {
      const wallSeconds = (performance.now() - started) / 1000;
      const line = /@@time ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(stderr);
      resolve({
        wallSeconds,
        cpuSeconds: line ? Number(line[2]) + Number(line[3]) : undefined,
        peakRssMiB: line ? Number(line[4]) / 1024 : undefined,
        exitCode,
        stderr: stderr.replace(/@@time.*\n?/, ""),
      });
    });
  });
}
