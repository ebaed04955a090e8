import path from "node:path";
import { parseArgs } from "node:util";
import { FORMAT_NAMES } from "../diagnostics/output-style.ts";

export interface CliBuildOptions {
  sourceDir: string;
  outDir: string;
  baseurl?: string;
  /** Warnings fail the build too (`--strict`). */
  strict: boolean;
  /** `--format human|json|github`; by default human, or GitHub annotations inside GitHub Actions. */
  format?: string;
  /** `--timings FILE`: seconds per build step as JSON, for the benchmark. */
  timingsFile?: string;
  /** `--workers N`: render threads besides the main one (default: one per spare core on large sites). */
  workers?: number;
}

/** `--source DIR --out DIR --base /path/ --strict --format F`; defaults: this repository, `_site/`. */
export function parseBuildArgs(argv: string[]): CliBuildOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      source: { type: "string" },
      out: { type: "string" },
      base: { type: "string" },
      strict: { type: "boolean" },
      format: { type: "string" },
      timings: { type: "string" },
      workers: { type: "string" },
    },
    strict: true,
  });
  return {
    sourceDir: path.resolve(values.source ?? "."),
    outDir: path.resolve(values.out ?? "_site"),
    baseurl: values.base,
    strict: values.strict ?? false,
    format: formatOption(values.format),
    timingsFile: values.timings,
    workers: values.workers === undefined ? undefined : Math.max(0, Number.parseInt(values.workers, 10) || 0),
  };
}

/** `--format`, refused unless it names a report format: build and check accept the same ones. */
export function formatOption(value: string | undefined): string | undefined {
  if (value !== undefined && !(FORMAT_NAMES as readonly string[]).includes(value)) {
    throw new TypeError(`--format must be one of ${FORMAT_NAMES.join(", ")}, not "${value}"`);
  }
  return value;
}
