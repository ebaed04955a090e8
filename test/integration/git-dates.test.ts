// "Last updated" comes from git. A repository git refuses (owned by another user, as a CI checkout is inside a
// root container) must not lose every date silently: the build says so once, and still succeeds.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFiles } from "../support/fixture-tree.ts";
import { runCli } from "../support/run-cli.ts";

const made: string[] = [];
const tmp = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** Git for the build with no global or system config, so no `safe.directory = *` can trust the tree. */
let gitEnv: NodeJS.ProcessEnv;
beforeAll(() => {
  const home = tmp("element-guides-home-");
  fs.writeFileSync(path.join(home, ".gitconfig"), "");
  gitEnv = { HOME: home, GIT_CONFIG_GLOBAL: path.join(home, ".gitconfig"), GIT_CONFIG_NOSYSTEM: "1" };
});

/** A small site committed on 2024-03-04. */
function committedTree(): string {
  const tree = tmp("element-guides-gitdates-");
  writeFiles(tree, {
    "_config.yml": "title: Dated\n",
    "docs/elements.md": "---\ntitle: Element Guides\nlayout: sidebarelementtile\n---\nEvery guide.\n",
    "docs/hello.md": "---\ntitle: Hello\nlayout: page\n---\n\nHello there.\n",
  });
  const date = "2024-03-04T12:00:00+00:00";
  const run = (args: string[]) =>
    execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.test", "-c", "commit.gpgsign=false", ...args], {
      cwd: tree,
      env: { ...process.env, ...gitEnv, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      stdio: "ignore",
    });
  run(["init", "-q"]);
  run(["add", "."]);
  run(["commit", "-q", "-m", "Add hello"]);
  return tree;
}

async function build(tree: string, ...extra: string[]) {
  const out = path.join(tmp("element-guides-gitdates-out-"), "_site");
  const result = await runCli("build.ts", ["--source", tree, "--out", out, "--format", "human", ...extra], gitEnv);
  const hello = fs.existsSync(out) ? fs.readFileSync(path.join(out, "docs/hello.html"), "utf8") : "";
  const warnings = result.stderr.split("\n").filter((line) => line.includes("warning git-dates"));
  return { result, hello, warnings };
}

const isRoot = process.getuid?.() === 0;

describe("git dates", () => {
  it("a readable repository dates its pages, without a warning", async () => {
    const { result, hello, warnings } = await build(committedTree());
    expect(result.code).toBe(0);
    expect(warnings).toEqual([]);
    expect(hello).toContain('Last updated <time datetime="2024-03-04">March 4, 2024</time>');
  });

  // Exactly the GitHub Actions case: root in a container, a checkout owned by the runner's user.
  it.runIf(isRoot)("a repository git refuses as another user's warns once with git's reason and the fix", async () => {
    const tree = committedTree();
    execFileSync("chown", ["-R", "65534:65534", tree]);
    const { result, hello, warnings } = await build(tree);
    expect(result.code).toBe(0);
    expect(warnings).toEqual([
      `.git: warning git-dates: No page shows "Last updated": git cannot read the repository's history: detected dubious ownership in repository at '${tree}'`,
    ]);
    expect(result.stderr).toContain(`hint: A checkout owned by another user (a container, a CI runner) is trusted with \`git config --global --add safe.directory ${tree}\``);
    expect(result.stdout).toContain("0 errors, 1 warning\n");
    expect(hello).toContain("Hello there.");
    expect(hello).not.toContain("Last updated");
  });

  // Works for any user: a repository git cannot read because it is damaged.
  it("a damaged repository warns once with git's reason; only --strict fails on it", async () => {
    const tree = committedTree();
    fs.appendFileSync(path.join(tree, ".git/config"), "[core\n");
    const { result, hello, warnings } = await build(tree);
    expect(result.code).toBe(0);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^\.git: warning git-dates: No page shows "Last updated": git cannot read the repository's history: bad config line \d+/);
    expect(result.stdout).toContain("0 errors, 1 warning\n");
    expect(hello).not.toContain("Last updated");

    const strict = await build(tree, "--strict");
    expect(strict.result.code).toBe(1);
    expect(strict.warnings).toHaveLength(1);
  });
});
