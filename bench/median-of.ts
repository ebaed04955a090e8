import type { Measurement } from "./measure.ts";

/** The middle value (the mean of the two middle ones for an even count); undefined for none. */
export function median(values: number[]): number | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The first run, with each figure the median of all runs' (the machine may be shared: one run can be unlucky). */
export function medianMeasurement(all: Measurement[]): Measurement {
  const middle = (pick: (m: Measurement) => number | undefined) => median(all.map(pick).filter((v) => v !== undefined));
  const threads = [...new Set(all.flatMap((m) => Object.keys(m.cpuByThread ?? {})))];
  const cpuByThread = Object.fromEntries(threads.map((name) => [name, middle((m) => m.cpuByThread?.[name])!]));
  return {
    ...all[0],
    wallSeconds: middle((m) => m.wallSeconds)!,
    cpuSeconds: middle((m) => m.cpuSeconds),
    peakRssMiB: middle((m) => m.peakRssMiB),
    ...(threads.length && { cpuByThread }),
  };
}

/** Stops the bench with the command's own report when it failed: a figure of a failed build means nothing. */
export function succeeded(what: string, m: Measurement): Measurement {
  if (m.exitCode !== 0) {
    process.stderr.write(`${what} failed (exit ${m.exitCode}):\n${m.stderr}\n`);
    process.exit(1);
  }
  return m;
}

/** Runs a command `times` times and keeps the median figures; stops the bench if one fails. */
export async function medianOf(times: number, what: string, run: () => Promise<Measurement>): Promise<Measurement> {
  const all: Measurement[] = [];
  for (let i = 0; i < times; i++) all.push(succeeded(what, await run()));
  return medianMeasurement(all);
}
