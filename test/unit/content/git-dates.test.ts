import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DiagnosticList } from "../../../src/diagnostics/diagnostic.ts";
import { datesFromLog, readGitDates as readGitDatesInto } from "../../../src/content/git-dates.ts";

const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

function git(cwd: string, args: string[], date?: string): void {
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  const identity = ["-c", "user.name=Test", "-c", "user.email=test@example.test", "-c", "commit.gpgsign=false"];
  execFileSync("git", [...identity, ...args], { cwd, env, stdio: "ignore" });
}

function commit(repo: string, files: Record<string, string>, date: string): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
    fs.writeFileSync(path.join(repo, rel), text);
  }
  git(repo, ["add", "."]);
  git(repo, ["commit", "-q", "-m", "change"], `${date}T12:00:00+00:00`);
}

/** The dates, and what the build would have been told about them. */
function readWithDiagnostics(dir: string) {
  const diagnostics = new DiagnosticList();
  return { dates: readGitDatesInto(dir, diagnostics), diagnostics: diagnostics.items };
}

/** The dates of a readable tree, which must not warn. */
function readGitDates(dir: string) {
  const { dates, diagnostics } = readWithDiagnostics(dir);
  expect(diagnostics).toEqual([]);
  return dates;
}

let repo: string;

beforeAll(() => {
  repo = tmp("element-guides-git-");
  git(repo, ["init", "-q"]);
  commit(repo, { "docs/a.md": "one", "site/docs/c.md": "c" }, "2024-01-02");
  commit(repo, { "docs/b.md": "two" }, "2024-03-04");
  commit(repo, { "docs/a.md": "one, edited" }, "2024-05-06");
});

describe("readGitDates", () => {
  it("dates each file by the last commit that changed it, from one pass over the history", () => {
    const dates = readGitDates(repo);
    expect(dates.get("docs/a.md")).toBe("2024-05-06");
    expect(dates.get("docs/b.md")).toBe("2024-03-04");
  });

  it("gives paths relative to a tree that sits in a folder of the repository", () => {
    expect([...readGitDates(path.join(repo, "site"))]).toEqual([["docs/c.md", "2024-01-02"]]);
  });

  it("leaves files untouched since the cut of a shallow clone undated rather than misdated", () => {
    const clone = path.join(tmp("element-guides-shallow-"), "clone");
    git(os.tmpdir(), ["clone", "-q", "--depth", "2", `file://${repo}`, clone]);
    const dates = readGitDates(clone);
    expect(dates.get("docs/a.md")).toBe("2024-05-06");
    // b.md was last changed in the clone's oldest commit, which looks as if it added every file.
    expect(dates.has("docs/b.md")).toBe(false);
    expect(dates.has("site/docs/c.md")).toBe(false);
  });

  it("returns no dates, without failing, outside a repository or without git", () => {
    expect(readGitDates(tmp("element-guides-nogit-")).size).toBe(0);
    const savedPath = process.env.PATH;
    process.env.PATH = "";
    try {
      expect(readGitDates(repo).size).toBe(0);
    } finally {
      process.env.PATH = savedPath;
    }
  });
});

describe("a repository whose history git cannot read", () => {
  it("gives no dates and one warning with git's reason and the safe.directory hint", () => {
    const broken = tmp("element-guides-badhead-");
    git(broken, ["init", "-q"]);
    commit(broken, { "docs/a.md": "one" }, "2024-01-02");
    fs.writeFileSync(path.join(broken, ".git/HEAD"), "not a ref\n");
    fs.mkdirSync(path.join(broken, "site"));
    const { dates, diagnostics } = readWithDiagnostics(path.join(broken, "site"));
    expect(dates.size).toBe(0);
    expect(diagnostics).toEqual([
      {
        file: "../.git",
        severity: "warning",
        code: "git-dates",
        message: expect.stringMatching(/^No page shows "Last updated": git cannot read the repository's history: not a git repository/),
        hint: expect.stringContaining(`git config --global --add safe.directory ${broken}`),
      },
    ]);
  });

  it("stays silent for a repository without commits yet", () => {
    const fresh = tmp("element-guides-nocommits-");
    git(fresh, ["init", "-q"]);
    expect(readGitDates(fresh).size).toBe(0);
  });
});

describe("datesFromLog", () => {
  it("keeps the first (newest) date seen for a file", () => {
    const log = "\x1eaaa 2024-05-06T12:00:00+02:00\n\ndocs/a.md\n\x1ebbb 2023-01-01T00:00:00+00:00\n\ndocs/a.md\ndocs/b.md\n";
    expect([...datesFromLog(log, new Set())]).toEqual([
      ["docs/a.md", "2024-05-06"],
      ["docs/b.md", "2023-01-01"],
    ]);
    expect([...datesFromLog(log, new Set(["bbb"]))]).toEqual([["docs/a.md", "2024-05-06"]]);
  });
});
