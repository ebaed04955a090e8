import { spawnSync } from "node:child_process";

/**
 * Jekyll's `site.time`, which legacy footers print (`{{ site.time | date: "%Y" }}`). Jekyll takes the clock; a
 * build here gives the same bytes for the same commit, so it takes, in order: SOURCE_DATE_EPOCH (seconds, the
 * reproducible-builds convention CI systems set), the time of the tree's last commit, and only outside git the clock.
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
  return /^\d+$/.test(seconds) ? new Date(Number(seconds) * 1000) : new Date();
}
