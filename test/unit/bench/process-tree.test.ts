// The bench's CPU split by thread (bench/process-tree.ts), on a real process.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sampleProcessTree } from "../../../bench/process-tree.ts";

describe("sampleProcessTree", () => {
  it("counts a busy main thread as the main thread's, apart from the process's other threads", async () => {
    const child = spawn(process.execPath, ["-e", "const end = Date.now() + 600; while (Date.now() < end);"]);
    const tree = sampleProcessTree(child.pid!);
    await new Promise((resolve) => child.on("close", resolve));
    const usage = tree.stop()!;
    // Linux names a process by its first 15 characters.
    const command = path.basename(process.execPath).slice(0, 15);
    expect(usage.cpuByThread[`${command} (main thread)`]).toBeGreaterThan(0.3);
    expect(usage.cpuByThread[`${command} (other threads)`] ?? 0).toBeLessThan(usage.cpuByThread[`${command} (main thread)`]);
    // The kernel splits a process's and each thread's time into user and system time apart, each rounded to a clock
    // tick: the process's total may come out a tick (10 ms) below its main thread's.
    expect(usage.cpuSeconds).toBeGreaterThanOrEqual(usage.cpuByThread[`${command} (main thread)`] - 0.011);
  });
});
