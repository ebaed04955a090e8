// A bench that ends early must end the build it was timing, and what that build started (Pagefind): a build left
// running wrote its highlight cache over the one the bench put back (bench/kept-highlight-cache.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { measure, stopMeasuredCommands } from "../../../bench/measure.ts";

const gone = (pid: number) => {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};

describe("the commands the bench measures", () => {
  it("are ended with what they started when the bench stops them", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-measure-"));
    const pidFile = path.join(dir, "grandchild");
    // A command that starts a process of its own, as a build starts Pagefind, and waits for it.
    const measured = measure("sh", ["-c", `sleep 60 & echo $! > '${pidFile}'; wait`]);
    while (!fs.existsSync(pidFile) || fs.readFileSync(pidFile, "utf8").trim() === "") await new Promise((resolve) => setTimeout(resolve, 20));
    const grandchild = Number(fs.readFileSync(pidFile, "utf8"));
    expect(gone(grandchild)).toBe(false);
    stopMeasuredCommands();
    const result = await measured;
    expect(result.wallSeconds).toBeLessThan(30);
    for (let tries = 0; tries < 50 && !gone(grandchild); tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(gone(grandchild)).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
