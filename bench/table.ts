import type { BenchRow } from "./bench-row.ts";

/** The benchmark rows as an aligned text table. */
export function formatTable(rows: BenchRow[]): string {
  const header = ["pages", "build", "wall s", "CPU s", "pages/s", "peak MiB", ""];
  const body = rows.map((r) => [
    r.size.toLocaleString("en-US"),
    r.tool,
    r.wallSeconds.toFixed(2),
    r.cpuSeconds === undefined ? "-" : r.cpuSeconds.toFixed(2),
    Math.round(r.pagesPerSecond).toLocaleString("en-US"),
    r.peakRssMiB === undefined ? "-" : Math.round(r.peakRssMiB).toString(),
    r.note ?? "",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((line) => line[i].length)));
  const format = (cells: string[]) =>
    cells.map((cell, i) => (i === 1 || i === 6 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ").trimEnd();
  return [format(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(format)].join("\n");
}
