import { describe, expect, it } from "vitest";
import { parseBuildArgs } from "../../../src/cli/build-options.ts";

describe("npm run build's --workers", () => {
  it("takes a number of threads up to 32, and refuses more, or anything else, saying why", () => {
    expect(parseBuildArgs(["--workers", "0"]).workers).toBe(0);
    expect(parseBuildArgs(["--workers", "32"]).workers).toBe(32);
    expect(() => parseBuildArgs(["--workers", "2000"])).toThrowError(/^--workers takes at most 32 threads, not 2000: this machine has \d+ cores\.$/);
    expect(() => parseBuildArgs(["--workers", "two"])).toThrowError('--workers takes a number of threads, not "two".');
  });
});

describe("an option of npm run build given twice", () => {
  it("is refused, whichever way it is written, rather than the last one kept without a word", () => {
    expect(() => parseBuildArgs(["--out", "r1", "--out", "r2"])).toThrowError("--out is given 2 times: give it once.");
    expect(() => parseBuildArgs(["--source=a", "--source", "b"])).toThrowError("--source is given 2 times: give it once.");
  });
});
