// `npm start`: runs the live preview and restarts it when the generator's own TypeScript changes,
// because Node caches imported modules and Eleventy only re-reads its config file.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { GENERATOR_ROOT } from "../paths.ts";

const args = process.argv.slice(2);
let child: ChildProcess | undefined;
let restartTimer: NodeJS.Timeout | undefined;

function start(): void {
  child = spawn(process.execPath, ["--import", "tsx", path.join(GENERATOR_ROOT, "src/cli/dev-server.ts"), ...args], {
    stdio: "inherit",
  });
}

function restart(changed: string): void {
  clearTimeout(restartTimer);
  restartTimer = setTimeout(() => {
    process.stdout.write(`${changed} changed: restarting the preview\n`);
    const old = child;
    if (!old || old.exitCode !== null) return start();
    old.once("exit", start);
    old.kill("SIGTERM");
  }, 150);
}

fs.watch(path.join(GENERATOR_ROOT, "src"), { recursive: true }, (_event, file) => {
  if (file && file.endsWith(".ts")) restart(`src/${file}`);
});
fs.watch(path.join(GENERATOR_ROOT, ".eleventy.ts"), () => restart(".eleventy.ts"));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    child?.kill("SIGTERM");
    process.exit(0);
  });
}
start();
