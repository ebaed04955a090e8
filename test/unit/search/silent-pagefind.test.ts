// A Pagefind process that stops answering without dying (a hung binary, a starved machine) must fail the build
// with a clear reason, not hold it until CI's time limit: the feed stops it after a silence (src/search/search-feed.ts).
// Pagefind's own Node API runs here, with PAGEFIND_BINARY_PATH naming a script that hangs as such a process would.
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SearchIndexError, startSearchFeed } from "../../../src/search/search-feed.ts";

const SILENCE_MS = 1_500;
const realPagefind = createRequire(import.meta.resolve("pagefind")).resolve(`@pagefind/${process.platform}-${os.arch()}/bin/pagefind_extended`);

let dir: string;
let savedBinary: string | undefined;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-silent-pagefind-"));
  savedBinary = process.env.PAGEFIND_BINARY_PATH;
});

afterEach(() => {
  if (savedBinary === undefined) delete process.env.PAGEFIND_BINARY_PATH;
  else process.env.PAGEFIND_BINARY_PATH = savedBinary;
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A Pagefind binary that writes its process id to `pids`, then runs the real Pagefind for its first `working` starts
 * and hangs (reads nothing, answers nothing, never exits) from then on.
 */
function pagefindThatHangsAfter(working: number): { pids: string } {
  const pids = path.join(dir, "pids");
  const script = path.join(dir, "pagefind.sh");
  fs.writeFileSync(
    script,
    [
      "#!/bin/sh",
      `echo $$ >> '${pids}'`,
      `if [ "$(wc -l < '${pids}')" -le ${working} ]; then exec '${realPagefind}' "$@"; fi`,
      "exec sleep 600",
      "",
    ].join("\n"),
    { mode: 0o755 },
  );
  process.env.PAGEFIND_BINARY_PATH = script;
  return { pids };
}

/**
 * A Pagefind binary that writes its process id to `pids`, runs the real Pagefind, and passes on its first `answers`
 * answers only (Pagefind's Node API ends each with a comma), then none: a process gone silent in the middle of a bundle.
 */
function pagefindSilentAfter(answers: number): { pids: string } {
  const pids = path.join(dir, "pids");
  const script = path.join(dir, "pagefind-proxy.mjs");
  fs.writeFileSync(
    script,
    [
      `#!${process.execPath}`,
      `import { spawn } from "node:child_process";`,
      `import fs from "node:fs";`,
      `fs.appendFileSync(${JSON.stringify(pids)}, process.pid + "\\n");`,
      `const real = spawn(${JSON.stringify(realPagefind)}, process.argv.slice(2), { stdio: ["pipe", "pipe", "inherit"] });`,
      `process.stdin.pipe(real.stdin);`,
      `let left = ${answers};`,
      `real.stdout.on("data", (chunk) => {`,
      `  for (const char of chunk.toString()) {`,
      `    if (left === 0) return;`,
      `    process.stdout.write(char);`,
      `    if (char === ",") left--;`,
      `  }`,
      `});`,
      `process.on("SIGTERM", () => (real.kill(), process.exit(0)));`,
      "",
    ].join("\n"),
    { mode: 0o755 },
  );
  process.env.PAGEFIND_BINARY_PATH = script;
  return { pids };
}

function startedProcesses(pids: string): number[] {
  return fs.existsSync(pids) ? fs.readFileSync(pids, "utf8").trim().split("\n").map(Number) : [];
}

async function gone(pid: number): Promise<boolean> {
  for (let tries = 0; tries < 50; tries++) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

const page = (title: string) => `<html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>Words about ${title}.</p></main></body></html>`;

describe("a Pagefind process that answers nothing", () => {
  it("from its start fails the build's search step after the silence, and is stopped", async () => {
    const { pids } = pagefindThatHangsAfter(0);
    const started = Date.now();
    const failure = await startSearchFeed(dir, { silenceLimitMs: SILENCE_MS }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(SearchIndexError);
    expect((failure as Error).message).toBe(
      "Pagefind could not build the search index: its process answered nothing for 1.5 s, so the build stopped it: it hangs, or the machine is starved",
    );
    expect(Date.now() - started).toBeLessThan(SILENCE_MS + 5_000);
    const [pid] = startedProcesses(pids);
    expect(await gone(pid)).toBe(true);
  });

  it("in the middle of a site fails it once, starts no other process for the bundles after, and is stopped", async () => {
    // Bundles of two pages: the first process works, the second hangs with pages sent to it.
    const { pids } = pagefindThatHangsAfter(1);
    const feed = await startSearchFeed(dir, { maxBundlePages: 2, silenceLimitMs: SILENCE_MS });
    for (let i = 1; i <= 7; i++) {
      await feed.caughtUp();
      feed.add(`page-${i}.html`, page(`Page ${i}`));
    }
    const failure = await feed.finish().then(
      () => undefined,
      (error: unknown) => error,
    );
    await feed.close();
    expect(failure).toBeInstanceOf(SearchIndexError);
    expect((failure as Error).message).toMatch(/^Pagefind could not build the search index: its process answered nothing for 1\.5 s, so the build stopped it/);
    // The stop fails each waiting page: none of that is repeated page by page.
    expect((failure as Error).message).not.toMatch(/backend|\(\d+ times\)/);
    const processes = startedProcesses(pids);
    expect(processes).toHaveLength(2);
    for (const pid of processes) expect(await gone(pid)).toBe(true);
  });

  it("in the middle of a bundle is sent nothing more once stopped: no process is started again for that bundle", async () => {
    // Its index and two pages are answered, then nothing; the other pages of the bundle are sent after the stop.
    const { pids } = pagefindSilentAfter(3);
    const feed = await startSearchFeed(dir, { maxBundlePages: 50, silenceLimitMs: SILENCE_MS });
    for (let i = 1; i <= 3; i++) feed.add(`page-${i}.html`, page(`Page ${i}`));
    await new Promise((resolve) => setTimeout(resolve, SILENCE_MS + 2_500));
    for (let i = 4; i <= 6; i++) feed.add(`page-${i}.html`, page(`Page ${i}`));
    const started = Date.now();
    const failure = await feed.finish().then(
      () => undefined,
      (error: unknown) => error,
    );
    await feed.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((failure as Error).message).toBe(
      "Pagefind could not build the search index: its process answered nothing for 1.5 s, so the build stopped it: it hangs, or the machine is starved",
    );
    expect(startedProcesses(pids)).toHaveLength(1);
  });

  it("is not stopped while it answers, however long the whole index takes", async () => {
    // Four bundles, each written by its own process: more than the silence allowed in all, never that long silent.
    pagefindThatHangsAfter(1_000);
    const feed = await startSearchFeed(dir, { maxBundlePages: 2, silenceLimitMs: SILENCE_MS });
    for (let i = 1; i <= 8; i++) {
      await feed.caughtUp();
      feed.add(`page-${i}.html`, page(`Page ${i}`));
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const { bundles } = await feed.finish();
    await feed.close();
    expect(bundles).toEqual(["part-2/", "part-3/", "part-4/"]);
  });
});
