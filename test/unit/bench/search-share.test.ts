// The bench sets our CPU time without Pagefind's against Jekyll's, which builds no search index.
import { expect, it } from "vitest";
import { cpuWithoutSearch } from "../../../bench/search-share.ts";

const measured = { wallSeconds: 4.7, exitCode: 0, stderr: "" };

it("takes Pagefind's processes out of a build's CPU time", () => {
  const cpuByThread = { "node (main thread)": 3.26, "node (other threads)": 1.81, "pagefind_extend (main thread)": 0.56, "pagefind_extend (other threads)": 1.2 };
  expect(cpuWithoutSearch({ ...measured, cpuSeconds: 7.36, cpuByThread })).toBeCloseTo(5.6, 5);
});

it("is unknown where the threads were not told apart", () => {
  expect(cpuWithoutSearch({ ...measured, cpuSeconds: 7.36 })).toBeUndefined();
  expect(cpuWithoutSearch({ ...measured, cpuByThread: {} })).toBeUndefined();
});
