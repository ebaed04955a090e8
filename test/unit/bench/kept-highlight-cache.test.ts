// The bench deletes the highlight cache before each cold build: the writer's own cache must come back afterwards,
// however the bench ends, or their next real build is cold.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../support/run-cli.ts";

const MODULE = path.join(REPO_ROOT, "bench/kept-highlight-cache.ts");

/** A process that sets the cache of `cacheDir` aside, writes a bench cache of its own, then ends as `end` says. */
function benchProcess(cacheDir: string, end: string): number | null {
  const script = [
    `import fs from "node:fs";`,
    `const { keepHighlightCacheAside } = await import(${JSON.stringify(MODULE)});`,
    `keepHighlightCacheAside(${JSON.stringify(cacheDir)});`,
    `fs.mkdirSync(${JSON.stringify(path.join(cacheDir, "highlight"))}, { recursive: true });`,
    `fs.writeFileSync(${JSON.stringify(path.join(cacheDir, "highlight", "bench.json"))}, "[]");`,
    end,
  ].join("\n");
  return spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: REPO_ROOT }).status;
}

function usersCache(): string {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-kept-cache-"));
  fs.mkdirSync(path.join(cacheDir, "highlight"));
  fs.writeFileSync(path.join(cacheDir, "highlight", "users.json"), '[["json\\u0000{}","<pre></pre>"]]');
  return cacheDir;
}

describe("the writer's highlight cache during a bench", () => {
  it.each([
    ["ends", ""],
    ["fails", "throw new Error('a build failed');"],
    ["is stopped with Ctrl-C", "process.kill(process.pid, 'SIGINT'); await new Promise((resolve) => setTimeout(resolve, 5000));"],
  ])("is back, and the bench's gone, when the bench %s", (_how, end) => {
    const cacheDir = usersCache();
    benchProcess(cacheDir, end);
    expect(fs.readdirSync(cacheDir)).toEqual(["highlight"]);
    expect(fs.readdirSync(path.join(cacheDir, "highlight"))).toEqual(["users.json"]);
  });

  it("is put back by the next bench when one was killed outright", () => {
    const cacheDir = usersCache();
    expect(benchProcess(cacheDir, "process.kill(process.pid, 'SIGKILL');")).toBe(null);
    expect(fs.readdirSync(path.join(cacheDir, "highlight"))).toEqual(["bench.json"]);
    benchProcess(cacheDir, "");
    expect(fs.readdirSync(cacheDir)).toEqual(["highlight"]);
    expect(fs.readdirSync(path.join(cacheDir, "highlight"))).toEqual(["users.json"]);
  });
});
