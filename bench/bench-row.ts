/** One line of the benchmark table: one tool building one tree size. */
export interface BenchRow {
  size: number;
  tool: string;
  pages: number;
  wallSeconds: number;
  cpuSeconds?: number;
  pagesPerSecond: number;
  peakRssMiB?: number;
  note?: string;
}
