import { median } from "./median-of.ts";

/**
 * The median of `ours[i] / theirs[i]`: two tools compared round by round, each round having run both in the same
 * minutes. On a shared machine this is steadier than the ratio of two medians, which may come from different spells.
 */
export function pairedRatio(ours: readonly number[], theirs: readonly number[]): number {
  if (ours.length !== theirs.length || ours.length === 0) throw new Error(`pairedRatio needs rounds of both (got ${ours.length} and ${theirs.length})`);
  return median(ours.map((value, i) => value / theirs[i]))!;
}
