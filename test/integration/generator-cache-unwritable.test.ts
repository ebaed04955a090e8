// A generator whose .cache/ cannot hold its bundle (a read-only install, a full disk) says so, once, instead of
// reporting that its own code did not compile.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/run-cli.ts";

/** A copy of the generator (its bin/, the rest linked), whose .cache/ the test then spoils. */
function generatorCopy(): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-generator-"));
  fs.cpSync(path.join(REPO_ROOT, "bin"), path.join(copy, "bin"), { recursive: true });
  for (const entry of ["src", "bench", "node_modules", ".eleventy.ts", "package-lock.json", "package.json"]) {
    fs.symlinkSync(path.join(REPO_ROOT, entry), path.join(copy, entry));
  }
  return copy;
}

function check(copy: string) {
  return spawnSync(process.execPath, [path.join(copy, "bin/element-guides.mjs"), "check", "--source", path.join(REPO_ROOT, "test/fixtures/jekyll-compat")], {
    encoding: "utf8",
  });
}

describe("a generator that cannot write its bundle", () => {
  it("names the folder and the reason, and builds nothing", () => {
    const copy = generatorCopy();
    // A file where the cache folder should be: no folder can be made under it, whoever runs the command.
    fs.writeFileSync(path.join(copy, ".cache"), "");
    const result = check(copy);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^The generator cannot write its bundle into .*\.cache\/bundle \(ENOTDIR\); nothing was built\.$/m);
    expect(result.stderr).not.toContain("did not compile");
    expect(result.stderr.split("\n").length).toBeLessThan(5);
  });

  it("says the same when its bundle folder is there but takes no new folder (a read-only install)", () => {
    const copy = generatorCopy();
    // /proc takes no folder from anyone, root included (chmod would not stop root): esbuild reported one error per
    // file it could not write, then that the generator's code did not compile.
    fs.mkdirSync(path.join(copy, ".cache"));
    fs.symlinkSync("/proc", path.join(copy, ".cache/bundle"));
    const result = check(copy);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^The generator cannot write its bundle into .*\.cache\/bundle\/[0-9a-f]+\.tmp-\d+ \(ENOENT\); nothing was built\.$/m);
    expect(result.stderr).not.toContain("did not compile");
    expect(result.stderr.split("\n").length).toBeLessThan(5);
  });
});
