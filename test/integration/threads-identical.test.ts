// The render threads are an optimisation only: a site built with them is byte for byte the site built without.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/generate-corpus.ts";
import { REPO_ROOT, runCli } from "../support/run-cli.ts";
import { treeDigest } from "../support/tree-digest.ts";

async function builtWith(source: string, out: string, workers: number): Promise<{ files: Record<string, string>; stderr: string }> {
  const result = await runCli("build.ts", ["--source", source, "--out", out, "--workers", String(workers)]);
  expect(result.code, result.stderr).toBe(0);
  return { files: treeDigest(out), stderr: result.stderr };
}

describe("render threads", () => {
  it.each([
    ["a generated element-guide tree", (work: string) => (generateCorpus(path.join(work, "tree"), { pages: 120 }), path.join(work, "tree"))],
    ["the legacy portal fixture", () => path.join(REPO_ROOT, "test/fixtures/legacy-portal")],
  ])("write the same files as the main thread alone for %s", async (_name, source) => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-threads-"));
    const tree = source(work);
    const alone = await builtWith(tree, path.join(work, "alone"), 0);
    const threaded = await builtWith(tree, path.join(work, "threaded"), 2);
    expect(Object.keys(alone.files).length).toBeGreaterThan(100);
    expect(threaded.files).toEqual(alone.files);
    // The same diagnostics, too.
    expect(threaded.stderr).toBe(alone.stderr);
    fs.rmSync(work, { recursive: true, force: true });
  }, 120_000);
});
