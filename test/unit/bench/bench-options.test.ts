import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseBenchOptions } from "../../../bench/bench-options.ts";

const BIN = path.resolve(import.meta.dirname, "../../../bin/element-guides.mjs");

describe("the bench's options", () => {
  it("take page counts and a number of rounds", () => {
    expect(parseBenchOptions(["--sizes", "1500, 10000", "--runs", "3", "--json"])).toEqual({ sizes: [1500, 10000], runs: 3, json: true, keep: false });
    expect(parseBenchOptions([])).toEqual({ sizes: [1000, 5000, 10000], runs: 1, json: false, keep: false });
  });

  it("refuse what is not a whole number from 1, naming the option and the value, where they once ran one round", () => {
    for (const runs of ["0", "abc", "2.5", "-2"]) expect(parseBenchOptions([`--runs=${runs}`])).toEqual(new Error(`--runs takes a whole number from 1: not "${runs}".`));
    expect((parseBenchOptions(["--sizes", "1500,abc"]) as Error).message).toContain('not "abc"');
    expect((parseBenchOptions(["--sizes", "0"]) as Error).message).toContain('not "0"');
  });

  it("refuse a tree bigger than a disk can take, before generating anything", () => {
    expect((parseBenchOptions(["--sizes", "1500,99999999999999999999"]) as Error).message).toBe(
      '--sizes takes page counts (whole numbers from 1 to 100,000), separated by commas: not "99999999999999999999".',
    );
    expect(parseBenchOptions(["--sizes", "100000"])).toMatchObject({ sizes: [100_000] });
    const preview = spawnSync(process.execPath, [BIN, "bench", "--preview", "--pages", "100001"], { encoding: "utf8" });
    expect(preview.status).toBe(2);
    expect(preview.stderr).toContain('--pages takes a whole number from 1 to 100,000: not "100001".\nUsage: npm run bench');
  });

  it("say that --preview and --sharded are two benches, given both in either order", () => {
    for (const args of [["--sharded", "2", "--preview"], ["--preview", "--sharded=2"]]) {
      const result = spawnSync(process.execPath, [BIN, "bench", ...args], { encoding: "utf8" });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain("--preview and --sharded are two benches of their own: give one of them.\nUsage: npm run bench");
    }
  });

  it("refuse an option they do not know, as an error to print, not a crash", () => {
    expect((parseBenchOptions(["--size", "50"]) as Error).message).toMatch(/Unknown option '--size'/);
  });

  it("refuse a number of shards that is not a whole number from 1, with the usage line, before building anything", () => {
    for (const shards of ["0", "x"]) {
      const result = spawnSync(process.execPath, [BIN, "bench", "--sharded", shards], { encoding: "utf8" });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`--sharded takes a whole number from 1: not "${shards}".\nUsage: npm run bench`);
    }
    // More than a build splits a site into (--shard K/N) once stopped on an array too long to make.
    const huge = spawnSync(process.execPath, [BIN, "bench", "--sharded", "99999999999999999999"], { encoding: "utf8" });
    expect(huge.status).toBe(2);
    expect(huge.stderr).toContain('--sharded takes a whole number from 1 to 1,000: not "99999999999999999999".\nUsage: npm run bench');
  });
});
