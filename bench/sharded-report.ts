// What `npm run bench -- --sharded N` prints for one tree size: the one-machine build, each shard, the merge, and
// issue 14's figures worked out from them. Pure, so that the arithmetic is tested apart from the builds.
import type { BenchRow } from "./bench-row.ts";
import type { Measurement } from "./measure.ts";

/** Issue 14: the slowest shard plus the merge, at 20,000 pages and N = 4, is at most this much of one machine. */
export const TARGET_RATIO = 0.35;

export interface ShardFigure {
  measurement: Measurement;
  /** Pages the shard rendered. */
  pages: number;
  /** Bytes of its element-guides-shard.json. */
  manifestBytes: number;
}

/** The shards and the merge of one tree. */
export interface ShardedTree {
  /** Mean bytes of a page's Markdown source. */
  bytesPerPage: number;
  shards: ShardFigure[];
  merge: Measurement;
}

export interface ShardedFigures {
  size: number;
  oneMachine: Measurement;
  /** The generated tree. */
  normal: ShardedTree;
  /** A tree of as many pages, each about four times as long: the merge should take about as long. */
  longer: ShardedTree;
}

export interface ShardedSummary {
  /** Index of the shard of longest wall time. */
  slowestShard: number;
  slowestPlusMergeSeconds: number;
  /** Slowest shard plus the merge over the one-machine build, in wall time. */
  ratio: number;
  /** CPU time of the slowest shard and the merge; undefined where a figure is missing. */
  slowestPlusMergeCpuSeconds?: number;
  /** The same ratio in CPU time, which a busy machine distorts less than wall time. */
  cpuRatio?: number;
  manifestBytesPer1000Pages: number;
  longerManifestBytesPer1000Pages: number;
  /** The merge of the longer pages over the merge of the normal ones, in wall time. */
  longerMergeRatio: number;
  /** How many times longer the longer tree's pages are. */
  longerPageRatio: number;
}

export function summarize(figures: ShardedFigures): ShardedSummary {
  const { size, oneMachine, normal, longer } = figures;
  const slowestShard = slowestOf(normal.shards);
  const slowest = normal.shards[slowestShard].measurement;
  const slowestPlusMergeSeconds = slowest.wallSeconds + normal.merge.wallSeconds;
  const cpu = [slowest.cpuSeconds, normal.merge.cpuSeconds, oneMachine.cpuSeconds];
  const slowestPlusMergeCpuSeconds = cpu.every((v) => v !== undefined) ? cpu[0]! + cpu[1]! : undefined;
  return {
    slowestShard,
    slowestPlusMergeSeconds,
    ratio: slowestPlusMergeSeconds / oneMachine.wallSeconds,
    slowestPlusMergeCpuSeconds,
    cpuRatio: slowestPlusMergeCpuSeconds === undefined ? undefined : slowestPlusMergeCpuSeconds / oneMachine.cpuSeconds!,
    manifestBytesPer1000Pages: manifestBytesPer1000(normal, size),
    longerManifestBytesPer1000Pages: manifestBytesPer1000(longer, size),
    longerMergeRatio: longer.merge.wallSeconds / normal.merge.wallSeconds,
    longerPageRatio: longer.bytesPerPage / normal.bytesPerPage,
  };
}

/** The table's rows for one size: one machine, each shard, the merge, the sum that counts, the longer pages. */
export function shardedRows(figures: ShardedFigures, summary: ShardedSummary): BenchRow[] {
  const { size, oneMachine, normal, longer } = figures;
  const n = normal.shards.length;
  // The pages column says how many pages each row built: a shard's share, not the tree's size.
  const row = (tool: string, pages: number, m: Pick<Measurement, "wallSeconds" | "cpuSeconds" | "peakRssMiB">, note?: string): BenchRow => ({
    size: pages,
    tool,
    pages,
    wallSeconds: m.wallSeconds,
    cpuSeconds: m.cpuSeconds,
    pagesPerSecond: pages / m.wallSeconds,
    peakRssMiB: m.peakRssMiB,
    note,
  });
  const longerSlowest = longer.shards[slowestOf(longer.shards)];
  const longerNote = `pages ${summary.longerPageRatio.toFixed(1)}x as long`;
  return [
    row("one machine (cold)", size, oneMachine),
    ...normal.shards.map((shard, i) => row(`shard ${i + 1}/${n} (cold)`, shard.pages, shard.measurement, `manifest ${kilobytes(shard.manifestBytes)}`)),
    row("merge", size, normal.merge),
    row(`slowest shard (${summary.slowestShard + 1}) + merge`, size, { wallSeconds: summary.slowestPlusMergeSeconds, cpuSeconds: summary.slowestPlusMergeCpuSeconds }, ratioNote(summary.ratio)),
    row("slowest shard, longer pages", longerSlowest.pages, longerSlowest.measurement, longerNote),
    row("merge, longer pages", size, longer.merge, `${longerNote}: ${summary.longerMergeRatio.toFixed(2)}x the merge's time`),
  ];
}

/** The lines under the table: the figures issue 14's closing note asks for, in words. */
export function summaryLines(figures: ShardedFigures, summary: ShardedSummary): string[] {
  const { size, oneMachine, normal, longer } = figures;
  const n = normal.shards.length;
  const pages = size.toLocaleString("en-US");
  const cpu =
    summary.cpuRatio === undefined
      ? ""
      : ` In CPU time, which a busy machine distorts less: ${seconds(summary.slowestPlusMergeCpuSeconds!)} against ${seconds(oneMachine.cpuSeconds!)}, ${summary.cpuRatio.toFixed(2)}x.`;
  return [
    `${pages} pages, N = ${n}: slowest shard + merge ${seconds(summary.slowestPlusMergeSeconds)} against ${seconds(oneMachine.wallSeconds)} on one machine: ${ratioNote(summary.ratio)}.${cpu}`,
    `Merge of ${pages} pages: ${seconds(normal.merge.wallSeconds)} with pages of ${kilobytes(normal.bytesPerPage)}, ${seconds(longer.merge.wallSeconds)} with pages of ${kilobytes(longer.bytesPerPage)} (${summary.longerPageRatio.toFixed(1)}x as long): ${summary.longerMergeRatio.toFixed(2)}x the time.`,
    `Shard manifests: ${kilobytes(summary.manifestBytesPer1000Pages)} per 1,000 pages (${kilobytes(totalManifestBytes(normal))} over ${n} shards); ${kilobytes(summary.longerManifestBytesPer1000Pages)} per 1,000 of the longer pages.`,
  ];
}

function ratioNote(ratio: number): string {
  return `${ratio.toFixed(2)}x one machine (target <= ${TARGET_RATIO}x at 20,000 pages, N = 4)`;
}

function slowestOf(shards: ShardFigure[]): number {
  return shards.reduce((slowest, shard, i) => (shard.measurement.wallSeconds > shards[slowest].measurement.wallSeconds ? i : slowest), 0);
}

function totalManifestBytes(tree: ShardedTree): number {
  return tree.shards.reduce((sum, shard) => sum + shard.manifestBytes, 0);
}

function manifestBytesPer1000(tree: ShardedTree, pages: number): number {
  return (totalManifestBytes(tree) / pages) * 1000;
}

function seconds(value: number): string {
  return `${value.toFixed(2)} s`;
}

/** Bytes in KB (1,000 bytes), or MB past a thousand of them: manifests run from kilobytes to megabytes. */
export function kilobytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} KB`;
}
