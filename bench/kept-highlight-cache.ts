import fs from "node:fs";
import path from "node:path";
import { otherProcessRunning } from "../src/build/other-process.ts";
import { GENERATOR_ROOT } from "../src/paths.ts";
import { stopMeasuredCommands, stopMeasuredCommandsOnExit } from "./measure.ts";

const KEPT = /^highlight\.kept-by-bench-(\d+)$/;

/**
 * Sets the writer's highlight cache aside while a bench runs, and puts it back when the bench ends (an error, Ctrl-C,
 * SIGTERM), once the build it was timing is ended: the bench deletes the cache before each cold build, which would
 * leave the next real build cold. A cache set aside by a bench that was killed (kill -9) is put back first.
 */
export function keepHighlightCacheAside(cacheDir = path.join(GENERATOR_ROOT, ".cache")): void {
  const cache = path.join(cacheDir, "highlight");
  for (const name of fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : []) {
    const pid = KEPT.exec(name)?.[1];
    if (pid !== undefined && !otherProcessRunning(Number(pid))) putBack(path.join(cacheDir, name), cache);
  }
  if (!fs.existsSync(cache)) return;
  const kept = `${cache}.kept-by-bench-${process.pid}`;
  try {
    fs.renameSync(cache, kept);
  } catch (error) {
    // A read-only .cache/: the cold builds could not delete the cache either.
    process.stderr.write(`The bench cannot set the highlight cache aside (${codeOf(error)}: ${cache}), and its cold builds must start without it.\n  hint: make ${cacheDir} writable, then run the bench again.\n`);
    process.exit(1);
  }
  process.on("exit", () => {
    // First the build being timed, which would write its cache over the one put back.
    stopMeasuredCommands();
    try {
      putBack(kept, cache);
    } catch (error) {
      process.stderr.write(`The highlight cache could not be put back (${codeOf(error)}): it is in ${kept}; rename it to ${cache} to use it again.\n`);
    }
  });
  // Ctrl-C and SIGTERM end the bench through the exit handler above.
  stopMeasuredCommandsOnExit();
}

/** The bench's own cache goes; the writer's takes its place. */
function putBack(kept: string, cache: string): void {
  fs.rmSync(cache, { recursive: true, force: true });
  fs.renameSync(kept, cache);
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
