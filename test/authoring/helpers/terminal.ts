// Runs one of our CLI entry points on a pseudo-terminal (util-linux `script`), answering its questions one at a
// time, the way a writer at a terminal would. Only the interactive prompts need this; everything else uses runCli.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "../../support/run-cli.ts";

export const HAS_SCRIPT = spawnSync("script", ["--version"], { stdio: "ignore" }).status === 0;

export interface TerminalResult {
  code: number | null;
  /** Everything the terminal showed, with colour and cursor codes removed. */
  output: string;
  /** Answers that were never asked for. */
  unused: string[];
}

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

export function runInTerminal(script: string, args: string[], answers: string[], timeoutMs = 30_000): Promise<TerminalResult> {
  const command = [process.execPath, path.join(REPO_ROOT, "bin/element-guides.mjs"), script.replace(/\.ts$/, ""), ...args].map(quote).join(" ");
  return new Promise((resolve, reject) => {
    const child = spawn("script", ["-qec", command, "/dev/null"], { cwd: REPO_ROOT, env: { ...process.env, FORCE_COLOR: "0" } });
    const pending = [...answers];
    let raw = "";
    let answeredAt = 0;
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout.on("data", (chunk) => {
      raw += chunk;
      const shown = raw.replace(ANSI, "");
      // A question ends with ": " and waits; answer each question once, after it has been shown in full.
      if (shown.endsWith(": ") && shown.length > answeredAt && pending.length > 0) {
        answeredAt = shown.length;
        child.stdin.write(`${pending.shift()}\r`);
      }
    });
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output: raw.replace(ANSI, "").replace(/\r/g, ""), unused: pending });
    });
  });
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
