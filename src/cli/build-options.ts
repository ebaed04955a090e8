import path from "node:path";
import { parseArgs } from "node:util";

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
    },
    strict: true,
  });
  return {
    sourceDir: path.resolve(values.source ?? "."),
    outDir: path.resolve(values.out ?? "_site"),
    baseurl: values.base,
    strict: values.strict ?? false,
    format: values.format,
    timingsFile: values.timings,
  };
}
