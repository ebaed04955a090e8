import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { DiagnosticList } from "../diagnostics/diagnostic.ts";

/** The date (YYYY-MM-DD) of the last commit that changed each file, by path relative to the tree. */
export type GitDates = ReadonlyMap<string, string>;

const NO_DATES: GitDates = new Map();

type GitResult = { ok: true; stdout: string } | { ok: false; notInstalled: boolean; reason: string };

/**
 * Reads the whole history once (`git log --name-only`), newest first, so the first date seen for a file is
 * its last change: one process for the tree instead of one per page. Never throws. Without git, outside a
 * repository or in one without commits the site simply shows no dates; a repository whose history git
 * cannot read (owned by another user, corrupt) adds one `git-dates` warning, as every date is then lost.
 */
export function readGitDates(dir: string, diagnostics: DiagnosticList): GitDates {
  const info = git(dir, ["rev-parse", "--is-shallow-repository", "--git-path", "shallow"]);
  if (!info.ok) return unreadable(dir, info, diagnostics);
  const [isShallow, shallowFile = ""] = info.stdout.trim().split("\n");
  const log = git(dir, ["-c", "core.quotePath=false", "log", "--format=%x1e%H %cI", "--name-only", "--no-renames", "--relative", "--", "."]);
  if (!log.ok) return hasNoCommits(dir) ? NO_DATES : unreadable(dir, log, diagnostics);
  return datesFromLog(log.stdout, isShallow === "true" ? shallowCommits(path.resolve(dir, shallowFile)) : new Set());
}

/**
 * Parses the log. In a shallow clone the oldest commit present looks as if it added every file, so its
 * files get no date rather than a wrong one.
 */
export function datesFromLog(log: string, shallow: ReadonlySet<string>): GitDates {
  const dates = new Map<string, string>();
  for (const entry of log.split("\x1e")) {
    const [header, ...files] = entry.split("\n");
    const [hash, date] = header.split(" ");
    if (!hash || !date || shallow.has(hash)) continue;
    for (const file of files) {
      if (file !== "" && !dates.has(file)) dates.set(file, date.slice(0, 10));
    }
  }
  return dates;
}

/** No dates; a warning only when the tree is in a repository (found without git, which may be what refuses). */
function unreadable(dir: string, failure: Extract<GitResult, { ok: false }>, diagnostics: DiagnosticList): GitDates {
  const gitEntry = findGitEntry(dir);
  if (failure.notInstalled || !gitEntry) return NO_DATES;
  const root = path.dirname(gitEntry);
  diagnostics.add({
    file: path.relative(dir, gitEntry).split(path.sep).join("/"),
    severity: "warning",
    code: "git-dates",
    message: `No page shows "Last updated": git cannot read the repository's history: ${failure.reason}`,
    hint:
      `A checkout owned by another user (a container, a CI runner) is trusted with ` +
      `\`git config --global --add safe.directory ${root}\`; otherwise run \`git -C ${root} log -1\` to see what is wrong.`,
  });
  return NO_DATES;
}

/** The nearest `.git` folder or file (worktrees and submodules have a file) at or above `dir`. */
function findGitEntry(dir: string): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const candidate = path.join(current, ".git");
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(current) === current) return undefined;
  }
}

/** A freshly initialised repository has no history to read, which is no problem. */
function hasNoCommits(dir: string): boolean {
  const head = spawnSync("git", ["rev-parse", "--quiet", "--verify", "HEAD"], { cwd: dir, encoding: "utf8" });
  return head.status === 1 && head.stderr === "";
}

function shallowCommits(file: string): Set<string> {
  try {
    return new Set(fs.readFileSync(file, "utf8").split("\n").filter(Boolean));
  } catch {
    return new Set();
  }
}

function git(cwd: string, args: string[]): GitResult {
  const result = spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "pipe"] });
  if (result.error) {
    const notInstalled = (result.error as NodeJS.ErrnoException).code === "ENOENT";
    return { ok: false, notInstalled, reason: result.error.message };
  }
  if (result.status === 0) return { ok: true, stdout: result.stdout };
  // git's first line says why ("fatal: detected dubious ownership in repository at '/src'"); the rest is advice.
  const firstLine = result.stderr.split("\n").find((line) => line.trim() !== "")?.replace(/^(fatal|error): /, "");
  return { ok: false, notInstalled: false, reason: firstLine ?? `git exited with status ${result.status ?? result.signal}` };
}
