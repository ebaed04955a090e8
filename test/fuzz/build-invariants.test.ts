// Issue 11, "Safe by construction", on random input: fast-check generates source trees (front matter valid and
// broken, Liquid, Markdown, odd file names, symlinks in and out of the tree, bad encodings; test/fuzz/tree-spec.ts)
// and every build of every tree must keep the promises below. A failure prints the seed, fast-check's
// counterexample path and the shrunk tree.
//
//   npm test                                   8 trees through the CLI, 40 in memory, fixed seed
//   FUZZ_RUNS=300 npx vitest run test/fuzz     300 through the CLI, 1200 in memory
//   FUZZ_SEED=random (or a number)             another seed; FUZZ_PATH=<path> with it replays a counterexample
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatHuman } from "../../src/diagnostics/format-human.ts";
import { writeFiles } from "../support/fixture-tree.ts";
import { runCli, type CliResult } from "../support/run-cli.ts";
import { BuildWorker, type WorkerBuild } from "./build-in-worker.ts";
import { fuzzSettings } from "./fuzz-settings.ts";
import { crashLine, filesContaining, publishedOnDisk, repeatedDiagnostics, snapshot, unaccountedFiles, type Published } from "./invariants.ts";
import { treeSpec, type TreeSpec } from "./tree-spec.ts";
import { makeWork, writeTree, type FuzzWork } from "./write-tree.ts";

const settings = fuzzSettings();
/** Generous: a failure shrinks by building again and again; FUZZ_RUNS runs take as long as they take. */
const timeout = settings.long ? 24 * 3600_000 : 600_000;
/**
 * A tree of a few files builds in about a second in memory and in 2–5 s through the CLI on a busy 2-core machine:
 * ten times that means the build has run away (an include that includes itself once took minutes, then the heap).
 */
const IN_MEMORY_LIMIT_MS = 20_000;
const CLI_LIMIT_MS = 60_000;

/** A work folder for one tree, removed afterwards whatever happened (the spec in the report rebuilds it). */
async function withTree(spec: TreeSpec, use: (work: FuzzWork) => Promise<void>): Promise<void> {
  const work = makeWork();
  try {
    writeTree(spec, work);
    await use(work);
  } finally {
    fs.rmSync(work.work, { recursive: true, force: true });
  }
}

/** The output folder and what it holds; not its staging and backup siblings (`out.tmp-<pid>`), which must be gone. */
const isOutput = (rel: string) => rel === "out" || rel.startsWith(`out${path.sep}`);

describe(`every build of a random tree keeps the safety promises (seed ${settings.seed})`, () => {
  /** A good build of a small tree, copied into each tree's output folder first: a failed build must leave it be. */
  let earlier: FuzzWork;
  beforeAll(async () => {
    earlier = makeWork();
    writeFiles(earlier.tree, { "index.md": "---\ntitle: Home\nlayout: none\n---\nThe previous site.\n", "docs/old.md": "---\ntitle: Old\nlayout: none\n---\nOld page.\n" });
    const result = await runCli("build.ts", ["--source", earlier.tree, "--out", earlier.out]);
    expect(result.code, result.stderr).toBe(0);
  });
  const worker = new BuildWorker();
  afterAll(() => {
    worker.stop();
    fs.rmSync(earlier.work, { recursive: true, force: true });
  });

  it(`in memory (buildSite and checkSite): ${settings.inMemoryRuns} trees`, { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(treeSpec, (spec) =>
        withTree(spec, async (work) => {
          const before = snapshot(work.work);
          const build = await worker.build(work.tree, IN_MEMORY_LIMIT_MS);
          // Never throws: every mistake in a tree is a diagnostic.
          if ("thrown" in build) expect.fail(`buildSite or checkSite threw:\n${build.thrown}`);
          const printed = formatHuman(build.diagnostics);
          const report = shortened(printed);
          expect(crashLine(printed), report).toBeUndefined();
          expect(snapshot(work.work), "a build in memory writes nothing").toEqual(before);
          expect(build.diagnostics.filter((d) => !d.file || !d.message), report).toEqual([]);
          expect(repeatedDiagnostics(printed), report).toEqual([]);
          const published = publishedInMemory(build);
          expect(JSON.stringify(build.diagnostics), "diagnostics quote no secret text").not.toContain(work.secret);
          expect(published.all().filter((file) => file.bytes.includes(work.secret)).map((file) => file.rel), "published secret").toEqual([]);
          if (build.errorCount > 0) return;
          const reported = (rel: string) => build.diagnostics.some((d) => d.file === rel || d.message.includes(rel));
          expect(unaccountedFiles(work.tree, published, reported), report).toEqual([]);
        }),
      ),
      settings.parameters(settings.inMemoryRuns),
    );
  });

  it(`through the CLI (build, and check for some): ${settings.cliRuns} trees`, { timeout }, async () => {
    // Each shrinking step is a build of a few seconds: bounded in `npm test`, as long as needed under FUZZ_RUNS.
    const trees = settings.long ? treeSpec : fc.limitShrink(treeSpec, 40);
    await fc.assert(
      fc.asyncProperty(trees, (spec) =>
        withTree(spec, async (work) => {
          fs.cpSync(earlier.out, work.out, { recursive: true });
          const outside = snapshot(work.work, isOutput);
          const previous = snapshot(work.out);
          const build = await runCli("build.ts", ["--source", work.tree, "--out", work.out], {}, undefined, CLI_LIMIT_MS);
          const said = transcript("build", build);
          expect(build.code, `the build ends with status 0 or 1 within ${CLI_LIMIT_MS / 1000} s\n${said}`).toBeOneOf([0, 1]);
          expectReported(build, work, said);
          expect(repeatedDiagnostics(build.stderr), said).toEqual([]);
          expect(fs.readdirSync(work.work).filter((name) => name.startsWith("out.")), "staging and backup folders are gone").toEqual([]);
          expect(snapshot(work.work, isOutput), "nothing outside --out changed").toEqual(outside);
          if (build.code === 1) {
            expect(build.stderr, said).toContain("Build failed");
            expect(snapshot(work.out), "a failed build leaves the previous site as it was").toEqual(previous);
          } else {
            expect(filesContaining(work.out, work.secret), "published secret").toEqual([]);
            expect(unaccountedFiles(work.tree, publishedOnDisk(work.out), (rel) => build.stderr.includes(rel)), said).toEqual([]);
          }
          if (!spec.alsoCheck) return;
          const everything = snapshot(work.work);
          const check = await runCli("check.ts", ["--source", work.tree], {}, undefined, CLI_LIMIT_MS);
          const checkSaid = `${said}\n${transcript("check", check)}`;
          expectReported(check, work, checkSaid);
          expect(repeatedDiagnostics(check.stderr), checkSaid).toEqual([]);
          expect(snapshot(work.work), "check writes nothing").toEqual(everything);
          expect(check.code, `check and build agree on failure\n${checkSaid}`).toBe(build.code);
        }),
      ),
      settings.parameters(settings.cliRuns),
    );
  });
});

/** Whatever the CLI said is a report, never a crash, and never quotes a file from outside the tree. */
function expectReported(result: CliResult, work: FuzzWork, said: string): void {
  expect(crashLine(result.stdout + result.stderr), said).toBeUndefined();
  expect(result.stdout + result.stderr, "the secret file's text is never printed").not.toContain(work.secret);
}

function transcript(command: string, result: CliResult): string {
  return shortened(`${command}: exit ${result.code}\n--- stdout\n${result.stdout}--- stderr\n${result.stderr}`);
}

/** Output as a failure message shows it: a runaway include chain can make one line megabytes long. */
function shortened(text: string): string {
  const lines = text.split("\n").map((line) => (line.length > 400 ? `${line.slice(0, 400)} …(${line.length} characters)` : line));
  return lines.length > 80 ? [...lines.slice(0, 80), `…(${lines.length - 80} more lines)`].join("\n") : lines.join("\n");
}

/** The pages and copied files of a build in memory, as `unaccountedFiles` reads the output folder. */
function publishedInMemory(build: Extract<WorkerBuild, { outputs: unknown }>): Published & { all(): Array<{ rel: string; bytes: Buffer }> } {
  const files = [
    ...build.outputs.map((o) => ({ rel: o.outputPath, bytes: Buffer.from(o.html) })),
    ...build.staticFiles.map((f) => ({ rel: f.to, bytes: fs.readFileSync(f.from) })),
  ];
  const included = new Set(build.included);
  return {
    all: () => files,
    bytes: (rel) => files.find((file) => file.rel === rel)?.bytes,
    included: (rel) => included.has(rel),
    pages: () => build.outputs.filter((o) => o.outputPath.endsWith(".html")).map((o) => o.html),
  };
}
