import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** The date (YYYY-MM-DD) of the last commit that changed each file, by path relative to the tree. */
export type GitDates = ReadonlyMap<string, string>;

const NO_DATES: GitDates = new Map();

/**
 * Reads the whole history once (`git log --name-only`), newest first, so the first date seen for a file is
 * its last change: one process for the tree instead of one per page. Never throws: without git, outside a
 * repository or on any git error the site simply shows no dates.
 */
export function readGitDates(dir: string): GitDates {
  const info = git(dir, ["rev-parse", "--is-shallow-repository", "--git-path", "shallow"]);
  if (info === undefined) return NO_DATES;
  const [isShallow, shallowFile = ""] = info.trim().split("\n");
  const log = git(dir, ["-c", "core.quotePath=false", "log", "--format=%x1e%H %cI", "--name-only", "--no-renames", "--relative", "--", "."]);
  if (log === undefined) return NO_DATES;
  return datesFromLog(log, isShallow === "true" ? shallowCommits(path.resolve(dir, shallowFile)) : new Set());
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

function shallowCommits(file: string): Set<string> {
  try {
    return new Set(fs.readFileSync(file, "utf8").split("\n").filter(Boolean));
  } catch {
    return new Set();
  }
}

function git(cwd: string, args: string[]): string | undefined {
  const result = spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "ignore"] });
  return result.status === 0 ? result.stdout : undefined;
}
