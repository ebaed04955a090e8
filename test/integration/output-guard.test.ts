// The output folder is ours alone: a build refuses (exit 2, nothing touched) any --out where replacing the
// folder would delete files that a build did not write.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { writeFiles } from "../support/fixture-tree.ts";
import { REPO_ROOT, runCli } from "../support/run-cli.ts";
import { treeDigest } from "../support/tree-digest.ts";

const PAGE = "---\ntitle: Start\nseo: Start\n---\n\n# Start\n\nHello.\n";

let work: string;
let tree: string;
let home: string;

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-guard-"));
  tree = path.join(work, "tree");
  home = path.join(work, "home");
  writeFiles(tree, {
    "_config.yml": "title: Guarded\n",
    "index.md": PAGE,
    "docs/guide.md": PAGE.replace("Start", "Guide"),
    "docs/elements.md": "---\ntitle: Elements\nseo: Elements\nlayout: sidebarelementtile\n---\n\n# Elements\n",
  });
  writeFiles(home, { "notes.txt": "mine\n" });
});

/** Runs a build that must be refused, and proves that nothing under `work` changed. */
async function expectRefused(out: string, reason: RegExp, cwd?: string): Promise<void> {
  const before = treeDigest(work);
  const result = await runCli("build.ts", ["--source", tree, "--out", out], { HOME: home }, cwd);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(reason);
  expect(result.stderr).toContain("Nothing was written.");
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(treeDigest(work)).toEqual(before);
}

describe("--out", () => {
  it("refuses the source folder itself (--out . run inside the tree)", async () => {
    await expectRefused(".", /is the source folder/, tree);
  });

  it("refuses an ancestor of the source folder (--out ..)", async () => {
    await expectRefused("..", /contains the source folder/, tree);
  });

  it("refuses a content folder inside the source (--out docs)", async () => {
    await expectRefused("docs", /is inside the source folder/, tree);
  });

  it("refuses the filesystem root", async () => {
    await expectRefused("/", /is the filesystem root/);
  });

  it("refuses the home folder", async () => {
    await expectRefused(home, /is your home folder/);
  });

  it("refuses a non-empty folder that no build wrote", async () => {
    const foreign = path.join(work, "foreign");
    writeFiles(foreign, { "keep.txt": "keep me\n" });
    await expectRefused(foreign, /already holds files that no Element Guides build wrote/);
  });

  it("refuses a symlink that leads to the source folder", async () => {
    const link = path.join(work, "link");
    fs.symlinkSync(tree, link);
    await expectRefused(link, /is the source folder/);
  });

  it("writes through a symlink to a folder: the link stays, and its target gets the site, twice over", async () => {
    const target = path.join(work, "www");
    const link = path.join(work, "public");
    fs.mkdirSync(target);
    fs.symlinkSync(target, link);
    for (let build = 0; build < 2; build++) {
      const result = await runCli("build.ts", ["--source", tree, "--out", link], { HOME: home });
      expect(result.code, result.stderr).toBe(0);
      expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
      expect(fs.readFileSync(path.join(target, "docs/guide.html"), "utf8")).toContain("Guide");
    }
    expect(fs.readdirSync(work).sort()).toEqual(["home", "public", "tree", "www"]);
  });

  it("refuses --timings at a file of the source tree or of the site, leaving both as they were", async () => {
    for (const timings of [path.join(tree, "index.md"), path.join(tree, "notes.json"), path.join(work, "site", "t.json")]) {
      const before = treeDigest(work);
      const result = await runCli("build.ts", ["--source", tree, "--out", path.join(work, "site"), "--timings", timings], { HOME: home });
      expect(result.code, timings).toBe(2);
      expect(result.stderr).toMatch(/--timings .* is inside (the source folder|--out)/);
      expect(treeDigest(work)).toEqual(before);
    }
  });

  it("refuses --timings in a folder that does not exist before writing anything, rather than fail once the site is replaced", async () => {
    const site = path.join(work, "site");
    expect((await runCli("build.ts", ["--source", tree, "--out", site], { HOME: home })).code).toBe(0);
    const before = treeDigest(work);
    const result = await runCli("build.ts", ["--source", tree, "--out", site, "--timings", path.join(work, "nowhere", "t.json")], { HOME: home });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--timings .* is in a folder that does not exist\. Nothing was written\./);
    expect(treeDigest(work)).toEqual(before);
  });

  it("keeps its exit status when the reader of its output goes away", async () => {
    const out = path.join(work, "piped");
    // `| true` reads nothing and is gone before the build prints its summary.
    const build = spawnSync("bash", ["-c", `"${process.execPath}" "${path.join(REPO_ROOT, "bin/element-guides.mjs")}" build --source "${tree}" --out "${out}" | true; exit \${PIPESTATUS[0]}`], {
      encoding: "utf8",
      env: { ...process.env, HOME: home },
    });
    expect(build.status, build.stderr).toBe(0);
    expect(build.stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(fs.readFileSync(path.join(out, "docs/guide.html"), "utf8")).toContain("Guide");
  });

  it("refuses a symlink that leads nowhere, or to itself, before rendering anything", async () => {
    const dangling = path.join(work, "dangling");
    fs.symlinkSync(path.join(work, "missing"), dangling);
    await expectRefused(dangling, /is a symbolic link that leads to no folder/);
    const loop = path.join(work, "loop");
    fs.symlinkSync(loop, loop);
    await expectRefused(loop, /is a symbolic link that leads to no folder/);
  });

  it("reports a path too long for the file system in one line, with nothing left behind", async () => {
    const out = path.join(work, "b".repeat(300));
    const result = await runCli("build.ts", ["--source", tree, "--out", out], { HOME: home });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("is longer than the file system allows (ENAMETOOLONG)");
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(fs.readdirSync(work).sort()).toEqual(["home", "tree"]);
  });

  it("refuses a file", async () => {
    await expectRefused(path.join(tree, "index.md"), /inside the source folder/);
    const file = path.join(work, "file.txt");
    fs.writeFileSync(file, "x");
    await expectRefused(file, /is a file, not a folder/);
  });

  it("builds into _site inside the tree, marks it, and replaces it on the next build", async () => {
    const out = path.join(tree, "_site");
    expect((await runCli("build.ts", ["--source", tree, "--out", out], { HOME: home })).code).toBe(0);
    expect(fs.existsSync(path.join(out, ".element-guides-output"))).toBe(true);
    expect(fs.existsSync(path.join(out, "docs/guide.html"))).toBe(true);
    fs.rmSync(path.join(tree, "docs/guide.md"));
    expect((await runCli("build.ts", ["--source", tree, "--out", out], { HOME: home })).code).toBe(0);
    expect(fs.existsSync(path.join(out, "docs/guide.html"))).toBe(false);
  });

  it("accepts a new folder and an empty one", async () => {
    const empty = path.join(work, "empty");
    fs.mkdirSync(empty);
    expect((await runCli("build.ts", ["--source", tree, "--out", empty], { HOME: home })).code).toBe(0);
    expect((await runCli("build.ts", ["--source", tree, "--out", path.join(work, "new/site")], { HOME: home })).code).toBe(0);
    expect(fs.existsSync(path.join(work, "new/site/index.html"))).toBe(true);
  });

  it("refuses a folder that is a git repository, even one a build wrote", async () => {
    const deploy = path.join(work, "deploy");
    writeFiles(deploy, { ".git/HEAD": "ref: refs/heads/gh-pages\n", CNAME: "docs.example.test\n", ".element-guides-output": "" });
    await expectRefused(deploy, /is a git repository/);
  });

  it("leaves the user's folders beside --out alone, whatever their names", async () => {
    const out = path.join(work, "site");
    writeFiles(work, { "site.old-2024/notes.txt": "precious\n", "site.v2.tmp-1/notes.txt": "mine\n", "site.tmp-7/notes.txt": "also mine\n" });
    expect((await runCli("build.ts", ["--source", tree, "--out", out], { HOME: home })).code).toBe(0);
    for (const kept of ["site.old-2024", "site.v2.tmp-1", "site.tmp-7"]) {
      expect(fs.readdirSync(path.join(work, kept))).toEqual(["notes.txt"]);
    }
  });

  it("puts back a previous site that a build killed between its two renames left aside", async () => {
    const out = path.join(work, "site");
    expect((await runCli("build.ts", ["--source", tree, "--out", out], { HOME: home })).code).toBe(0);
    const before = treeDigest(out);
    // What a build killed after retiring the old site, before renaming the new one in, leaves behind.
    fs.renameSync(out, `${out}.old-999999`);
    fs.writeFileSync(path.join(tree, "docs/broken.md"), "---\ntitle: [broken\n---\n");
    const failed = await runCli("build.ts", ["--source", tree, "--out", out], { HOME: home });
    expect(failed.code).toBe(1);
    expect(treeDigest(out)).toEqual(before);
    expect(fs.existsSync(`${out}.old-999999`)).toBe(false);
  });
});
