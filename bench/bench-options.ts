import { parseArgs } from "node:util";

export interface BenchOptions {
  sizes: number[];
  runs: number;
  json: boolean;
  keep: boolean;
}

export const BENCH_USAGE = "Usage: npm run bench -- [--sizes 1000,5000,10000] [--runs N] [--json] [--keep] | --preview [--pages N] | --sharded N [--sizes N]";

/** The bench's options, or an Error whose message says which one is wrong (no stack trace for a typo). */
export function parseBenchOptions(argv: string[]): BenchOptions | Error {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        sizes: { type: "string", default: "1000,5000,10000" },
        json: { type: "boolean", default: false },
        keep: { type: "boolean", default: false },
        runs: { type: "string", default: "1" },
      },
    });
    const sizes = values.sizes.split(",").map((size) => size.trim());
    const wrongSize = sizes.find((size) => !isWholeNumber(size));
    if (wrongSize !== undefined) return new Error(`--sizes takes page counts (whole numbers from 1), separated by commas: not "${wrongSize}".`);
    if (!isWholeNumber(values.runs)) return new Error(`--runs takes a whole number from 1: not "${values.runs}".`);
    return { sizes: sizes.map(Number), runs: Number(values.runs), json: values.json, keep: values.keep };
  } catch (error) {
    // parseArgs' own errors (an unknown option, a missing value) carry a code and a clear message.
    return error instanceof Error ? new Error(error.message) : new Error(String(error));
  }
}

function isWholeNumber(text: string): boolean {
  return /^[1-9]\d*$/.test(text);
}
