import { describe, expect, it } from "vitest";
import { parseBenchOptions } from "../../../bench/bench-options.ts";

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

  it("refuse an option they do not know, as an error to print, not a crash", () => {
    expect((parseBenchOptions(["--size", "50"]) as Error).message).toMatch(/Unknown option '--size'/);
  });
});
