import { spawn } from "node:child_process";
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The preview's server process, which `npm start` (src/cli/serve.ts) still starts through tsx; every other command
 * runs from the esbuild bundle (bin/element-guides.mjs), as users run them.
 */
const THROUGH_TSX = new Set(["dev-server.ts"]);

/**
 * Runs one of our CLI entry points as a user would, in a child process, and captures its output. With
 * `timeoutMs`, a process still running then is killed (its result has code null).
 */
export function runCli(script: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd = REPO_ROOT, timeoutMs?: number): Promise<CliResult> {
  const command = THROUGH_TSX.has(script)
    ? ["--import", "tsx", path.join(REPO_ROOT, "src/cli", script), ...args]
    : [path.join(REPO_ROOT, "bin/element-guides.mjs"), script.replace(/\.ts$/, ""), ...args];
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
