import path from "node:path";
import { parseArgs } from "node:util";

export interface CliBuildOptions {
  sourceDir: string;
  outDir: string;
  baseurl?: string;
}

/** `--source DIR --out DIR --base /path/`; defaults: this repository, `_site/`. */
export function parseBuildArgs(argv: string[]): CliBuildOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      source: { type: "string" },
      out: { type: "string" },
      base: { type: "string" },
    },
    strict: true,
  });
  return {
    sourceDir: path.resolve(values.source ?? "."),
    outDir: path.resolve(values.out ?? "_site"),
    baseurl: values.base,
  };
}
