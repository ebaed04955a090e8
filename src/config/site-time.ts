import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * Jekyll's `site.time`, which legacy footers print (`{{ site.time | date: "%Y" }}`). Jekyll takes the clock; a
 * build here gives the same bytes for the same tree, so it takes, in order: SOURCE_DATE_EPOCH (seconds, the
 * reproducible-builds convention CI systems set), the time of the tree's last commit, and outside git the time
 * `_config.yml` was last changed (the clock only without one).
 */
export function siteTime(sourceDir: string, env: NodeJS.ProcessEnv = process.env): Date {
  // Asked once a process for a tree (about 10 ms of git): the preview loads _config.yml again at each save of it.
  const key = `${env.SOURCE_DATE_EPOCH ?? ""}\0${sourceDir}`;
  let time = known.get(key);
  if (!time) known.set(key, (time = timeOf(sourceDir, env)));
  return new Date(time.getTime());
}

const known = new Map<string, Date>();

function timeOf(sourceDir: string, env: NodeJS.ProcessEnv): Date {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const committed = spawnSync("git", ["log", "-1", "--format=%ct"], { cwd: sourceDir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  const seconds = committed.status === 0 ? committed.stdout.trim() : "";
  if (/^\d+$/.test(seconds)) return new Date(Number(seconds) * 1000);
  const config = fs.statSync(path.join(sourceDir, "_config.yml"), { throwIfNoEntry: false });
  return config ? new Date(Math.floor(config.mtimeMs / 1000) * 1000) : new Date();
}
