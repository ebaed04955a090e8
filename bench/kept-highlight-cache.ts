import fs from "node:fs";
import path from "node:path";
import { GENERATOR_ROOT } from "../src/paths.ts";

const KEPT = /^highlight\.kept-by-bench-(\d+)$/;

/**
 * Sets the writer's highlight cache aside while a bench runs, and puts it back when the bench ends (an error, Ctrl-C):
 * the bench deletes the cache before each cold build, which would leave the next real build cold. A cache set aside
 * by a bench that was killed (kill -9) is put back first.
 */
export function keepHighlightCacheAside(cacheDir = path.join(GENERATOR_ROOT, ".cache")): void {
  const cache = path.join(cacheDir, "highlight");
  for (const name of fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : []) {
    const pid = KEPT.exec(name)?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) putBack(path.join(cacheDir, name), cache);
  }
  if (!fs.existsSync(cache)) return;
  const kept = `${cache}.kept-by-bench-${process.pid}`;
  fs.renameSync(cache, kept);
  process.on("exit", () => putBack(kept, cache));
  process.once("SIGINT", () => process.exit(130)); // through the exit handler above
}

/** The bench's own cache goes; the writer's takes its place. */
function putBack(kept: string, cache: string): void {
  fs.rmSync(cache, { recursive: true, force: true });
  fs.renameSync(kept, cache);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
