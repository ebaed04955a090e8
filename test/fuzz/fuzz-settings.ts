// How many random trees the fuzz test builds and from which seed, read from the environment:
//   FUZZ_RUNS=N          N trees through the CLI and 4×N in memory (default: 8 and 40, for `npm test`)
//   FUZZ_SEED=N|random   the seed (default: fixed, so that `npm test` is reproducible)
//   FUZZ_PATH=...        with FUZZ_SEED, replays the counterexample fast-check printed on a failure
import type fc from "fast-check";
import { FOUND_TREES } from "./found-trees.ts";
import type { TreeSpec } from "./tree-spec.ts";

const DEFAULT_SEED = 20_111;
/** Trees built through the CLI in `npm test`: each is a 2–5 s process on a busy 2-core machine. */
const DEFAULT_CLI_RUNS = 8;
/** Trees built in memory in `npm test`: a fraction of a second each. */
const DEFAULT_IN_MEMORY_RUNS = 40;

export interface FuzzSettings {
  seed: number;
  cliRuns: number;
  inMemoryRuns: number;
  /** Set when the runs were asked for: then shrinking may take as long as it needs. */
  long: boolean;
  parameters(numRuns: number): fc.Parameters<[TreeSpec]>;
}

export function fuzzSettings(env: NodeJS.ProcessEnv = process.env): FuzzSettings {
  const seed = env.FUZZ_SEED === "random" ? Math.floor(Math.random() * 2 ** 31) : env.FUZZ_SEED ? Number(env.FUZZ_SEED) : DEFAULT_SEED;
  if (!Number.isInteger(seed)) throw new Error(`FUZZ_SEED must be an integer or "random", not ${JSON.stringify(env.FUZZ_SEED)}`);
  const asked = env.FUZZ_RUNS ? Number(env.FUZZ_RUNS) : undefined;
  if (asked !== undefined && !(Number.isInteger(asked) && asked > 0)) throw new Error(`FUZZ_RUNS must be a positive integer, not ${env.FUZZ_RUNS}`);
  const cliRuns = asked ?? DEFAULT_CLI_RUNS;
  return {
    seed,
    cliRuns,
    inMemoryRuns: asked === undefined ? DEFAULT_IN_MEMORY_RUNS : 4 * asked,
    long: asked !== undefined,
    parameters: (numRuns) => ({
      seed,
      numRuns,
      path: env.FUZZ_PATH,
      // Built before the random trees, every run.
      examples: FOUND_TREES.map((tree): [TreeSpec] => [tree]),
    }),
  };
}
