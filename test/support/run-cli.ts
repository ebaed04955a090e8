import { spawn } from "node:child_process";
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Commands that `npm run` starts from the esbuild bundle (bin/element-guides.mjs), as users run them. */
const BUNDLED = new Set(["build.ts", "check.ts"]);

/**
 * Runs one of our CLI entry points as a user would, in a child process, and captures its output. With
 * `timeoutMs`, a process still running then is killed (its result has code null).
 */
export function runCli(script: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd = REPO_ROOT, timeoutMs?: number): Promise<CliResult> {
  const command = BUNDLED.has(script)
    ? [path.join(REPO_ROOT, "bin/element-guides.mjs"), script.replace(/\.ts$/, ""), ...args]
    : ["--import", "tsx", path.join(REPO_ROOT, "src/cli", script), ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, command, {
      cwd,
      env: { ...process.env, ...env, FORCE_COLOR: "0" },
      timeout: timeoutMs,
      killSignal: "SIGKILL",
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
