// A build killed at any moment leaves the previous site exactly as it was, and the next build cleans up.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/generate-corpus.ts";
import { REPO_ROOT, runCli } from "../support/run-cli.ts";
import { treeDigest } from "../support/tree-digest.ts";

function htmlFilesUnder(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith(".html")).length;
}

/** A site built from a small tree into `<work>/_site`, and a large tree beside it to build over it. */
async function builtSiteAndLargeTree(prefix: string, largePages: number): Promise<{ work: string; large: string; out: string }> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const large = path.join(work, "large");
  const out = path.join(work, "_site");
  generateCorpus(path.join(work, "small"), { pages: 20 });
  generateCorpus(large, { pages: largePages });
  expect((await runCli("build.ts", ["--source", path.join(work, "small"), "--out", out])).code).toBe(0);
  return { work, large, out };
}

/**
 * Builds `large` into `out` and sends `signal` once the staging folder holds more than `pages` written pages, i.e.
 * in the middle of writing. Resolves with whether it was sent then, the exit code, and what the build printed on stderr.
 */
async function stopWhileWriting(
  work: string,
  large: string,
  out: string,
  signal: NodeJS.Signals,
  pages: number,
): Promise<{ stoppedWhileWriting: boolean; code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, "bin/element-guides.mjs"), "build", "--source", large, "--out", out], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let stoppedWhileWriting = false;
  for (let waited = 0; waited < 60_000 && child.exitCode === null; waited += 10) {
    const staging = fs.readdirSync(work).find((name) => name.startsWith("_site.tmp-"));
    if (staging && htmlFilesUnder(path.join(work, staging)) > pages) {
      child.kill(signal);
      stoppedWhileWriting = true;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { stoppedWhileWriting, code: await exited, stderr };
}

describe("atomic output", () => {
  it("keeps the previous site byte-identical when a build is killed with SIGKILL while writing", async () => {
    const { work, large, out } = await builtSiteAndLargeTree("element-guides-kill-", 1500);
    const before = treeDigest(out);

    const killed = await stopWhileWriting(work, large, out, "SIGKILL", 50);
    expect(killed.stoppedWhileWriting).toBe(true);
    expect(treeDigest(out)).toEqual(before);

    // The next build replaces the site and removes what the killed one left behind.
    const next = await runCli("build.ts", ["--source", path.join(work, "small"), "--out", out]);
    expect(next.code).toBe(0);
    expect(fs.readdirSync(work).filter((name) => name.startsWith("_site."))).toEqual([]);
  }, 120_000);

  it("discards the half-written site of a build stopped by SIGINT or SIGTERM, and says so", async () => {
    const { work, large, out } = await builtSiteAndLargeTree("element-guides-stop-", 600);
    const before = treeDigest(out);
    for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
      const stopped = await stopWhileWriting(work, large, out, signal, 20);
      expect(stopped.stoppedWhileWriting, signal).toBe(true);
      expect(stopped.code, signal).toBe(code);
      expect(stopped.stderr, signal).toContain(`Build stopped (${signal}): nothing was written;`);
      expect(stopped.stderr, signal).not.toMatch(/\n\s+at /);
      // Nothing beside the site: no half-written one for a later build, with another --out, never to remove.
      expect(fs.readdirSync(work).filter((name) => name.startsWith("_site.")), signal).toEqual([]);
      expect(treeDigest(out), signal).toEqual(before);
    }
  }, 120_000);
});

describe("deterministic output", () => {
  it("writes byte-identical trees for two clean builds of the same source", async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-twice-"));
    const tree = path.join(work, "tree");
    generateCorpus(tree, { pages: 40 });
    const a = await runCli("build.ts", ["--source", tree, "--out", path.join(work, "a")]);
    const b = await runCli("build.ts", ["--source", tree, "--out", path.join(work, "b")]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const digestA = treeDigest(path.join(work, "a"));
    expect(Object.keys(digestA).length).toBeGreaterThan(40);
    expect(treeDigest(path.join(work, "b"))).toEqual(digestA);
  }, 120_000);

  it("keeps the previous site when Pagefind cannot run, and says so without a stack trace of ours", async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-no-pagefind-"));
    const tree = path.join(work, "tree");
    const out = path.join(work, "_site");
    generateCorpus(tree, { pages: 20 });
    expect((await runCli("build.ts", ["--source", tree, "--out", out])).code).toBe(0);
    const before = treeDigest(out);
    // Where Pagefind's package says its program is: a path that holds none.
    const broken = await runCli("build.ts", ["--source", tree, "--out", out], { PAGEFIND_EXTENDED_BINARY_PATH: path.join(work, "missing", "pagefind") });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("Pagefind could not build the search index");
    expect(broken.stderr).toContain("hint: Pagefind runs from node_modules/pagefind");
    expect(broken.stderr).toMatch(/Build failed: nothing was written; .* is unchanged\.\n$/);
    // Pagefind's own package prints its failure; the build's code adds no stack trace (a throw would end with one).
    expect(broken.stderr).not.toContain("src/cli/");
    expect(broken.stderr).not.toMatch(/Node\.js v\d+/);
    expect(treeDigest(out)).toEqual(before);
  }, 120_000);
});
