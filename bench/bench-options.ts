import { parseArgs, type ParseArgsConfig } from "node:util";

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
    const sizes = pageCounts(values.sizes);
    const runs = wholeNumber("--runs", values.runs);
    if (sizes instanceof Error) return sizes;
    if (runs instanceof Error) return runs;
    return { sizes, runs, json: values.json, keep: values.keep };
  } catch (error) {
    return optionError(error);
  }
}

/**
 * The most pages of a generated tree. A page takes about 4 KB of tree and 26 KB of each site built from it (1,500
 * pages: 5.9 MB and 39 MB), and the bench keeps several sites until it ends: 100,000 pages take some 10 GB, and
 * a mistyped count could fill a CI runner's disk before the bench said anything.
 */
export const MAX_BENCH_PAGES = 100_000;

/** `--sizes`: page counts separated by commas, each a whole number from 1 to MAX_BENCH_PAGES. */
export function pageCounts(text: string): number[] | Error {
  const sizes = text.split(",").map((size) => size.trim());
  const wrong = sizes.find((size) => !isWholeNumber(size) || Number(size) > MAX_BENCH_PAGES);
  const range = `whole numbers from 1 to ${MAX_BENCH_PAGES.toLocaleString("en-US")}`;
  return wrong === undefined ? sizes.map(Number) : new Error(`--sizes takes page counts (${range}), separated by commas: not "${wrong}".`);
}

/** `--preview` and `--sharded` are benches of their own; given both, the bench says so rather than pick one. */
export function benchKind(argv: readonly string[]): "preview" | "sharded" | "build" | Error {
  const preview = argv.includes("--preview");
  const sharded = argv.some((arg) => arg === "--sharded" || arg.startsWith("--sharded="));
  if (preview && sharded) return new Error("--preview and --sharded are two benches of their own: give one of them.");
  return preview ? "preview" : sharded ? "sharded" : "build";
}

/** An option that takes a whole number from 1 (`--runs`, `--pages`, `--saves`), up to `max`, named as given. */
export function wholeNumber(option: string, text: string, max = Number.MAX_SAFE_INTEGER): number | Error {
  if (!isWholeNumber(text)) return new Error(`${option} takes a whole number from 1: not "${text}".`);
  return Number(text) <= max ? Number(text) : new Error(`${option} takes a whole number from 1 to ${max.toLocaleString("en-US")}: not "${text}".`);
}

/** An error of parseArgs (an unknown option, a missing value), whose message is clear, without its stack. */
function optionError(error: unknown): Error {
  return error instanceof Error ? new Error(error.message) : new Error(String(error));
}

/** A figure of the options, or the bench ends there with what is wrong and the usage (exit 2). */
export function orUsage<T>(value: T | Error): T {
  if (value instanceof Error) return exitWithUsage(value);
  return value;
}

function exitWithUsage(error: Error): never {
  process.stderr.write(`${error.message}\n${BENCH_USAGE}\n`);
  process.exit(2);
}

/** parseArgs for a bench of its own (--sharded, --preview): a wrong option ends it with the usage. */
export function parseBenchArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    return exitWithUsage(optionError(error));
  }
}

function isWholeNumber(text: string): boolean {
  return /^[1-9]\d*$/.test(text);
}
