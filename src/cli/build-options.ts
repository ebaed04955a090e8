import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { isUrlPath } from "../config/site-values.ts";
import { FORMAT_NAMES } from "../diagnostics/output-style.ts";
import { parseShard, type ShardSelection } from "../build/shard-plan.ts";

export interface CliBuildOptions {
  sourceDir: string;
  outDir: string;
  baseurl?: string;
  /** Warnings fail the build too (`--strict`). */
  strict: boolean;
  /** `--show-baselined`: print the problems the baseline knows too, not only count them. */
  showBaselined: boolean;
  /** `--format human|json|github`; by default human, or GitHub annotations inside GitHub Actions. */
  format?: string;
  /** `--timings FILE`: seconds per build step as JSON, for the benchmark. */
  timingsFile?: string;
  /** `--workers N`: render threads besides the main one (default: one per spare core on large sites). */
  workers?: number;
  /** `--shard K/N`: build only shard K of N, for `--merge` (issue 14). */
  shard?: ShardSelection;
  /** `--merge DIR...`: the shard folders to merge into the site. */
  merge?: string[];
}

/** A mistake on the command line: printed as one line and a hint, with exit status 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

/** `--source DIR --out DIR --base /path/ --strict --format F`; defaults: this repository, `_site/`. */
/**
 * Refuses an option given twice (`--out a --out b`): parseArgs keeps the last one without a word, so a build would
 * write where the writer did not look.
 */
export function refuseRepeats(argv: readonly string[], names: readonly string[]): void {
  for (const name of names) {
    const times = argv.filter((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`)).length;
    if (times > 1) throw new UsageError(`--${name} is given ${times} times: give it once.`);
  }
}

export function parseBuildArgs(argv: string[]): CliBuildOptions {
  refuseRepeats(argv, ["source", "out", "base", "format", "timings", "workers"]);
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      source: { type: "string" },
      out: { type: "string" },
      base: { type: "string" },
      strict: { type: "boolean" },
      "show-baselined": { type: "boolean" },
      format: { type: "string" },
      timings: { type: "string" },
      workers: { type: "string" },
      // Both may be given more than once: `--merge a b --merge c` merges all three; two `--shard`s are refused.
      shard: { type: "string", multiple: true },
      merge: { type: "string", multiple: true },
    },
    strict: true,
    // The folders after `--merge DIR` are its others: `--merge shard-1 shard-2 shard-3`.
    allowPositionals: true,
  });
  if ((values.shard?.length ?? 0) > 1) throw new UsageError(`--shard is given ${values.shard!.length} times: a build makes one shard.`, SPLIT_HINT);
  // A shard is not a site: written into the default _site/, it would replace the site with a part of it.
  if (values.shard && values.out === undefined) throw new UsageError("--shard needs --out DIR: a shard is a part of the site, not a site for _site/.", SPLIT_HINT);
  const { shard, merge } = splitOptions(values.shard?.[0], values.merge, positionals);
  return {
    sourceDir: sourceOption(values.source),
    outDir: path.resolve(values.out ?? "_site"),
    baseurl: baseOption(values.base),
    strict: values.strict ?? false,
    showBaselined: values["show-baselined"] ?? false,
    format: formatOption(values.format),
    timingsFile: values.timings,
    workers: workersOption(values.workers),
    shard,
    merge,
  };
}

/** Far more than a CI matrix runs at once (GitHub Actions: 256 jobs), and few enough to plan in no time. */
export const MAX_SHARDS = 1_000;

const SPLIT_HINT = "Build each shard with `--shard K/N --out DIR`, then merge them with `--merge DIR1 DIR2 ... --out SITE`.";

function splitOptions(shardText: string | undefined, merged: string[] | undefined, others: string[]): Pick<CliBuildOptions, "shard" | "merge"> {
  if (merged === undefined && others.length) throw new UsageError(`Unexpected argument ${JSON.stringify(others[0])}.`, "Options start with --; only --merge takes several folders.");
  if (shardText !== undefined && merged !== undefined) throw new UsageError("--shard and --merge are two steps: give one of them.", SPLIT_HINT);
  let shard: ShardSelection | undefined;
  if (shardText !== undefined) {
    shard = parseShard(shardText);
    if (!shard) throw new UsageError(`--shard takes K/N, the shard to build and how many there are (such as 2/4), not ${JSON.stringify(shardText)}.`, SPLIT_HINT);
    // The plan keeps a running total per shard and weighs each element against all of them: 1/99999999999999999999
    // stopped on an array too long to make, and 1/50000000 took 45 s to render 10 pages.
    if (shard.count > MAX_SHARDS) throw new UsageError(`--shard ${shardText}: a site splits into at most ${MAX_SHARDS.toLocaleString("en-US")} shards.`, SPLIT_HINT);
  }
  if (merged === undefined) return { shard };
  const merge = [...merged, ...others].map((dir) => {
    const resolved = path.resolve(dir);
    if (!fs.existsSync(resolved)) throw new UsageError(`The shard folder ${JSON.stringify(dir)} does not exist.`, SPLIT_HINT);
    if (!fs.statSync(resolved).isDirectory()) throw new UsageError(`--merge ${JSON.stringify(dir)} is a file, not a shard folder.`, SPLIT_HINT);
    return resolved;
  });
  return { merge };
}

/** `--format`, refused unless it names a report format: build and check accept the same ones. */
export function formatOption(value: string | undefined): string | undefined {
  if (value !== undefined && !(FORMAT_NAMES as readonly string[]).includes(value)) {
    throw new TypeError(`--format must be one of ${FORMAT_NAMES.join(", ")}, not "${value}"`);
  }
  return value;
}

/**
 * `--source`, which must be a folder that exists: a mistyped path used to be reported as a broken link in an
 * `index.md` that did not exist.
 */
export function sourceOption(value: string | undefined): string {
  const dir = path.resolve(value ?? ".");
  const hint = "--source names the folder that holds the site: _config.yml, docs/, _includes/…";
  if (!fs.existsSync(dir)) throw new UsageError(`The source folder ${JSON.stringify(value)} does not exist.`, hint);
  if (!fs.statSync(dir).isDirectory()) throw new UsageError(`--source ${JSON.stringify(value)} is a file, not a folder.`, hint);
  return dir;
}

/** `--base`, a path such as `/guides/`: an origin there would end up in front of every asset URL. */
export function baseOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isUrlPath(value)) {
    throw new UsageError(
      `--base takes the path the site is served under, such as /guides/, not ${JSON.stringify(value)}.`,
      "Put the site's origin (https://example.com) in url: of _config.yml, and only the path in --base.",
    );
  }
  return value;
}

/**
 * The most render threads `--workers` takes. Each holds its own renderer (about 25 MiB) and competes for the cores:
 * on 2 cores, 200 of them took 5 GiB and eight times as long, which a typo (2000 for 2) must not do.
 */
const MAX_WORKERS = 32;

function workersOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--workers takes a number of threads, not ${JSON.stringify(value)}.`);
  const workers = Number.parseInt(value, 10);
  if (workers > MAX_WORKERS) throw new UsageError(`--workers takes at most ${MAX_WORKERS} threads, not ${value}: this machine has ${os.availableParallelism()} cores.`);
  return workers;
}
