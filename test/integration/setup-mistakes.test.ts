// Setup mistakes (a wrong path or flag, a bad _config.yml, a disk that refuses to be written) give one clear
// line with a hint, never dozens of errors or a stack trace, and leave the output as it was.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { writeFiles } from "../support/fixture-tree.ts";
import { runCli, type CliResult } from "../support/run-cli.ts";
import { treeDigest } from "../support/tree-digest.ts";
import { escapeRegExp } from "../../src/text/escape-reg-exp.ts";

const PAGE = "---\ntitle: Start\nseo: Start\n---\n\n# Start\n\nRead the [guide](/docs/guide.html).\n";

let work: string;
let tree: string;

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-setup-"));
  tree = path.join(work, "tree");
  writeFiles(tree, {
    "_config.yml": "title: Setup\n",
    "index.md": PAGE,
    "docs/guide.md": PAGE.replace("Start", "Guide"),
    "docs/elements.md": "---\ntitle: Elements\nseo: Elements\nlayout: sidebarelementtile\n---\n\n# Elements\n",
  });
});

function expectOneProblem(result: CliResult, code: number, message: RegExp): void {
  expect(result.code).toBe(code);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).toMatch(/hint: /);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).not.toMatch(/error link-|liquid-/);
}

describe("command-line mistakes exit 2 with one line and a hint", () => {
  for (const command of ["build.ts", "check.ts"]) {
    it(`${command}: a --source folder that does not exist`, async () => {
      const result = await runCli(command, ["--source", path.join(work, "nope")]);
      expectOneProblem(result, 2, /The source folder ".*nope" does not exist\./);
    });

    it(`${command}: a --base that is a URL, not a path`, async () => {
      const result = await runCli(command, ["--source", tree, "--base", "https://x.test/"]);
      expectOneProblem(result, 2, /--base takes the path the site is served under/);
    });
  }

  it("a --source that is a file", async () => {
    const result = await runCli("build.ts", ["--source", path.join(tree, "index.md"), "--out", path.join(work, "out")]);
    expectOneProblem(result, 2, /is a file, not a folder/);
  });
});

describe("_config.yml mistakes are one error at their line", () => {
  const cases: [string, string, RegExp][] = [
    ["url: without a scheme", "title: Setup\nurl: docs.example.test\n", /_config.yml:2: error config-value: url: must be the site's origin/],
    ["url: with a path", "title: Setup\nurl: https://x.test/guides\n", /_config.yml:2: error config-value: url: must be an origin without a path/],
    ["baseurl: that is a URL", "title: Setup\n\nbaseurl: https://x.test/guides\n", /_config.yml:3: error config-value: baseurl: must be a path/],
    ["broken YAML", "title: Setup\nurl: [unclosed\n", /_config.yml:\d+(:\d+)?: error yaml-syntax/],
    // js-yaml finds it at the end of the file: said at the line that opens it.
    ["a [ never closed", "title: Setup\nnav: [a, b\n\ndescription: Guides\n", /_config.yml:2: error yaml-syntax: Invalid YAML: the \[ opened on this line is never closed/],
    ["a title that is a list", "url: https://x.test\ntitle: [Setup, Guides]\n", /_config.yml:2: error config-value: title: must be text, not a list/],
  ];
  for (const [name, config, message] of cases) {
    it(name, async () => {
      fs.writeFileSync(path.join(tree, "_config.yml"), config);
      const out = path.join(work, "out");
      const result = await runCli("build.ts", ["--source", tree, "--out", out]);
      expectOneProblem(result, 1, message);
      expect(result.stderr).toMatch(/^1 error, 0 warnings$/m);
      expect(fs.existsSync(out)).toBe(false);
    });
  }
});

it("a title or description YAML reads as a number builds, printed as Jekyll prints it", async () => {
  fs.writeFileSync(path.join(tree, "_config.yml"), "title: 1984\ndescription: 2.0 # the release\n");
  fs.appendFileSync(path.join(tree, "index.md"), "\nThe site {{ site.title }}, {{ site.description }}.\n");
  const out = path.join(work, "out-numbers");
  const result = await runCli("build.ts", ["--source", tree, "--out", out]);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.code).toBe(0);
  expect(fs.readFileSync(path.join(out, "index.html"), "utf8")).toContain("The site 1984, 2.0.");
  expect(fs.readFileSync(path.join(out, "llms.txt"), "utf8")).toMatch(/^# 1984\n\n> 2\.0\n/);
});

// Without _config.yml nothing asks for strict_variables, so, as in Jekyll, the values render empty: a warning.
it("a missing _config.yml is one warning naming the site values the pages use", async () => {
  fs.rmSync(path.join(tree, "_config.yml"));
  fs.appendFileSync(path.join(tree, "index.md"), "\nOpen the {{ site.console }}.\n");
  fs.appendFileSync(path.join(tree, "docs/guide.md"), "\nAsk {{ site.support_email }}.\n");
  const result = await runCli("check.ts", ["--source", tree]);
  expect(result.code).toBe(0);
  expect(result.stderr).toMatch(/^_config.yml: warning config-missing: There is no _config.yml in .*, but 2 pages use values it would define: site.console, site.support_email\.$/m);
  expect(result.stderr).toMatch(/0 errors, 1 warning\b/);
  expect(result.stderr).not.toMatch(/liquid-undefined-variable/);
});

describe("file-system failures are one line naming the path, exit 1, output unchanged", () => {
  it("an --out below a file (ENOTDIR)", async () => {
    fs.writeFileSync(path.join(work, "plain"), "x");
    const result = await runCli("build.ts", ["--source", tree, "--out", path.join(work, "plain/site")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Cannot \w+ ".*plain.*": a part of the path is not a folder \(ENOTDIR\)\.$/m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  // Pages are written while others render, and their writes end later (src/build/page-stream.ts): one that fails
  // still fails the build, named, and the site from before stays. Which of the two pages' writes fails depends on
  // which lands first: the folder's (EEXIST) or the file's (EISDIR).
  for (const [first, second] of [
    ["/guide-page.html/", "/guide-page.html"],
    ["/guide-page.html", "/guide-page.html/"],
  ]) {
    it(`a page written where another page made a folder keeps the previous site (${first} first)`, async () => {
      const out = path.join(work, "out");
      expect((await runCli("build.ts", ["--source", tree, "--out", out])).code).toBe(0);
      const before = treeDigest(out);
      writeFiles(tree, {
        "docs/a.md": `---\ntitle: A\nseo: A\npermalink: ${first}\n---\n\nA\n`,
        "docs/b.md": `---\ntitle: B\nseo: B\npermalink: ${second}\n---\n\nB\n`,
      });
      const result = await runCli("build.ts", ["--source", tree, "--out", out]);
      expect(result.code).toBe(1);
      // Named where it was to be in the site: the staging folder it failed in is gone once the line is read.
      const named = `Cannot (open|mkdir) "${escapeRegExp(path.join(out, "guide-page.html"))}"`;
      expect(result.stderr).toMatch(new RegExp(`^${named}: (it is a folder, not a file \\(EISDIR\\)|a file or folder is already there \\(EEXIST\\))\\.$`, "m"));
      expect(result.stderr).toMatch(/Build failed: nothing was written/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(treeDigest(out)).toEqual(before);
    });
  }

  // A full or read-only disk is made with a tiny tmpfs, which needs root (as in CI here); elsewhere the mount fails
  // and these two cases are reported as skipped.
  const mountPoint = path.join(os.tmpdir(), `element-guides-mount-${process.pid}`);
  fs.mkdirSync(mountPoint, { recursive: true });
  const canMount = spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint]).status === 0;
  if (canMount) spawnSync("umount", [mountPoint]);

  for (const [code, options] of [
    ["ENOSPC", "size=64k"],
    ["EROFS", "size=64k,ro"],
  ] as const) {
    it.runIf(canMount)(`a disk that refuses the write (${code}) leaves nothing behind`, async () => {
      const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", mountPoint]);
      expect(mounted.status).toBe(0);
      try {
        const result = await runCli("build.ts", ["--source", tree, "--out", path.join(mountPoint, "site")]);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(new RegExp(`^Cannot .*\\(${code}\\)\\.$`, "m"));
        expect(result.stderr).not.toMatch(/\.tmp-\d+/);
        expect(result.stderr).toMatch(/Build failed: nothing was written/);
        expect(result.stderr).not.toMatch(/\n\s+at /);
        expect(fs.readdirSync(mountPoint)).toEqual([]);
      } finally {
        spawnSync("umount", [mountPoint]);
      }
    });
  }

  it.runIf(canMount)("a disk that fills up while the search index is written keeps the previous site", async () => {
    expect(spawnSync("mount", ["-t", "tmpfs", "-o", "size=4m", "tmpfs", mountPoint]).status).toBe(0);
    try {
      const out = path.join(mountPoint, "site");
      expect((await runCli("build.ts", ["--source", tree, "--out", out])).code).toBe(0);
      const before = treeDigest(out);
      // Leave room for the pages but not for Pagefind's index, which is written last by a process of its own.
      const pagesKiB = Number(spawnSync("du", ["-sk", "--exclude=pagefind", out], { encoding: "utf8" }).stdout.split("\t")[0]);
      const freeKiB = Number(spawnSync("df", ["-k", "--output=avail", mountPoint], { encoding: "utf8" }).stdout.trim().split("\n")[1]);
      fs.writeFileSync(path.join(mountPoint, "filler"), Buffer.alloc((freeKiB - pagesKiB - 60) * 1024));
      const result = await runCli("build.ts", ["--source", tree, "--out", out]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("Pagefind could not build the search index: its process stopped before the index was written");
      expect(result.stderr).toMatch(/Build failed: nothing was written/);
      expect(treeDigest(out)).toEqual(before);
      expect(fs.readdirSync(mountPoint).sort()).toEqual(["filler", "site"]);
    } finally {
      spawnSync("umount", [mountPoint]);
    }
  });
});
