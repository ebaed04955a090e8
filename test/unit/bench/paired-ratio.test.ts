import { describe, expect, it } from "vitest";
import { pairedRatio } from "../../../bench/paired-ratio.ts";

describe("the bench's ratio of two tools", () => {
  it("is the median of the ratios within each round, not the ratio of the medians", () => {
    // Rounds of 0.5, 0.6 and 0.42: the ratio of the medians (5 / 12) would pair a figure of one round with another's.
    expect(pairedRatio([4, 12, 5], [8, 20, 12])).toBe(0.5);
    expect(pairedRatio([5], [10])).toBe(0.5);
  });

  it("refuses rounds that do not pair up", () => {
    expect(() => pairedRatio([1, 2], [1])).toThrow(/rounds of both/);
    expect(() => pairedRatio([], [])).toThrow(/rounds of both/);
  });
});
