// The sharded bench's arithmetic: which shard counts, the ratio issue 14 sets a target for, the manifest per
// 1,000 pages, and the merge of longer pages beside the normal one.
import { describe, expect, it } from "vitest";
import type { Measurement } from "../../../bench/measure.ts";
import { shardedRows, summarize, summaryLines, type ShardedFigures } from "../../../bench/sharded-report.ts";
import { formatTable } from "../../../bench/table.ts";

const timed = (wallSeconds: number, cpuSeconds = wallSeconds * 1.5): Measurement => ({ wallSeconds, cpuSeconds, peakRssMiB: 300, exitCode: 0, stderr: "" });
const shard = (wallSeconds: number, pages: number, manifestBytes: number) => ({ measurement: timed(wallSeconds), pages, manifestBytes });

const figures: ShardedFigures = {
  size: 20_000,
  oneMachine: timed(60),
  // The slowest shard is the second, not the last: balance by work may leave any of them heaviest.
  normal: { bytesPerPage: 2_750, shards: [shard(12, 5_100, 900_000), shard(14.5, 4_900, 1_100_000), shard(13, 5_000, 1_000_000), shard(12.5, 5_000, 1_000_000)], merge: timed(4) },
  longer: { bytesPerPage: 11_000, shards: [shard(40, 5_000, 1_010_000), shard(44, 5_000, 1_010_000), shard(41, 5_000, 1_010_000), shard(42, 5_000, 1_010_000)], merge: timed(5) },
};

describe("sharded bench report", () => {
  const summary = summarize(figures);

  it("adds the merge to the slowest shard by wall time and compares the sum with one machine", () => {
    expect(summary.slowestShard).toBe(1);
    expect(summary.slowestPlusMergeSeconds).toBeCloseTo(18.5);
    expect(summary.ratio).toBeCloseTo(18.5 / 60);
    expect(summaryLines(figures, summary)[0]).toBe(
      "20,000 pages, N = 4: slowest shard + merge 18.50 s against 60.00 s on one machine: 0.31x one machine (target <= 0.35x at 20,000 pages, N = 4)." +
        " In CPU time, which a busy machine distorts less: 27.75 s against 90.00 s, 0.31x.",
    );
  });

  it("leaves the CPU ratio out when a build's CPU time is unknown (no /proc, no GNU time)", () => {
    const unknown = { ...figures, oneMachine: { ...figures.oneMachine, cpuSeconds: undefined } };
    expect(summarize(unknown).cpuRatio).toBeUndefined();
    expect(summaryLines(unknown, summarize(unknown))[0]).toMatch(/N = 4\)\.$/);
  });

  it("gives the manifests' bytes per 1,000 pages of the whole tree, summed over the shards", () => {
    expect(summary.manifestBytesPer1000Pages).toBe(200_000);
    expect(summaryLines(figures, summary)[2]).toBe(
      "Shard manifests: 200.0 KB per 1,000 pages (4.0 MB over 4 shards); 202.0 KB per 1,000 of the longer pages.",
    );
  });

  it("sets the merge of pages four times as long beside the merge of the normal ones", () => {
    expect(summary.longerPageRatio).toBe(4);
    expect(summary.longerMergeRatio).toBe(1.25);
    expect(summaryLines(figures, summary)[1]).toBe(
      "Merge of 20,000 pages: 4.00 s with pages of 2.8 KB, 5.00 s with pages of 11.0 KB (4.0x as long): 1.25x the time.",
    );
  });

  it("prints a row per shard with the pages it built, then the merge and the sum", () => {
    const lines = formatTable(shardedRows(figures, summary)).split("\n").slice(2);
    expect(lines.map((line) => line.trim().split(/\s{2,}/).slice(0, 3))).toEqual([
      ["20,000", "one machine (cold)", "60.00"],
      ["5,100", "shard 1/4 (cold)", "12.00"],
      ["4,900", "shard 2/4 (cold)", "14.50"],
      ["5,000", "shard 3/4 (cold)", "13.00"],
      ["5,000", "shard 4/4 (cold)", "12.50"],
      ["20,000", "merge", "4.00"],
      ["20,000", "slowest shard (2) + merge", "18.50"],
      ["5,000", "slowest shard, longer pages", "44.00"],
      ["20,000", "merge, longer pages", "5.00"],
    ]);
    expect(lines[1]).toMatch(/manifest 900\.0 KB$/);
    // Wall and CPU times add up; peak memory does not, the two processes ran one after the other.
    expect(lines[6]).toMatch(/18\.50\s+27\.75\s+1,081\s+-\s+0\.31x one machine/);
  });
});
