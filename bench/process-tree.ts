import fs from "node:fs";

/** What a command and every process it started used, sampled from Linux's /proc. */
export interface TreeUsage {
  /** The most memory the processes held at one time (the sum of their resident sets at one sample). */
  peakRssMiB: number;
  /** CPU time (user + system) of every process seen, each as last sampled: at most one interval short each. */
  cpuSeconds: number;
}

const INTERVAL_MS = 50;
const PAGE_BYTES = 4096;
const TICKS_PER_SECOND = 100;

/**
 * Samples the processes under `rootPid` until `stop()`. GNU time counts only the children a process waits for:
 * Pagefind's process, which its Node API stops without waiting, would be left out of both CPU and memory.
 * Undefined from `stop()` where there is no /proc to read.
 */
export function sampleProcessTree(rootPid: number): { stop(): TreeUsage | undefined } {
  if (!fs.existsSync(`/proc/${rootPid}/stat`)) return { stop: () => undefined };
  const cpuByPid = new Map<number, number>();
  let peakBytes = 0;
  const sample = () => {
    let bytes = 0;
    for (const pid of descendantsAndSelf(rootPid)) {
      const usage = readUsage(pid);
      if (!usage) continue;
      bytes += usage.rssBytes;
      cpuByPid.set(pid, usage.cpuSeconds);
    }
    peakBytes = Math.max(peakBytes, bytes);
  };
  sample();
  const timer = setInterval(sample, INTERVAL_MS);
  return {
    stop() {
      clearInterval(timer);
      let cpuSeconds = 0;
      for (const seconds of cpuByPid.values()) cpuSeconds += seconds;
      return { peakRssMiB: peakBytes / 2 ** 20, cpuSeconds };
    },
  };
}

function descendantsAndSelf(pid: number): number[] {
  const found = [pid];
  for (let i = 0; i < found.length; i++) {
    let tasks: string[];
    try {
      tasks = fs.readdirSync(`/proc/${found[i]}/task`);
    } catch {
      continue; // gone since
    }
    for (const task of tasks) {
      try {
        const children = fs.readFileSync(`/proc/${found[i]}/task/${task}/children`, "utf8").trim();
        if (children) found.push(...children.split(" ").map(Number));
      } catch {
        // the thread ended since
      }
    }
  }
  return found;
}

function readUsage(pid: number): { rssBytes: number; cpuSeconds: number } | undefined {
  try {
    // Fields after the command name, which may itself hold spaces and parentheses.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const rssPages = Number(fs.readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]);
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    return { rssBytes: rssPages * PAGE_BYTES, cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
  } catch {
    return undefined; // the process ended between listing and reading
  }
}
