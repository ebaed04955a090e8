import fs from "node:fs";

/** What a command and every process it started used, sampled from Linux's /proc. */
export interface TreeUsage {
  /** The most memory the processes held at one time (the sum of their resident sets at one sample). */
  peakRssMiB: number;
  /** CPU time (user + system) of every process seen, each as last sampled: at most one interval short each. */
  cpuSeconds: number;
  /**
   * The same by thread, named by the process's command (as Linux shortens it): `node (main thread)` renders and
   * writes the pages, `node (other threads)` are V8's (its optimizing compiler and garbage collector) and any render
   * threads, `pagefind_extend (…)` index. Threads that end between samples count as last sampled.
   */
  cpuByThread: Record<string, number>;
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
  const threads = new Map<string, { name: string; cpuSeconds: number }>();
  let peakBytes = 0;
  const sample = () => {
    let bytes = 0;
    for (const pid of descendantsAndSelf(rootPid)) {
      const usage = readUsage(pid);
      if (!usage) continue;
      bytes += usage.rssBytes;
      cpuByPid.set(pid, usage.cpuSeconds);
      for (const thread of readThreads(pid)) threads.set(`${pid}/${thread.tid}`, thread);
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
      const cpuByThread: Record<string, number> = {};
      for (const { name, cpuSeconds: seconds } of threads.values()) cpuByThread[name] = (cpuByThread[name] ?? 0) + seconds;
      return { peakRssMiB: peakBytes / 2 ** 20, cpuSeconds, cpuByThread };
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

/** The threads of a process, each named `<command> (main thread)` or `<command> (other threads)`, with its CPU time. */
function readThreads(pid: number): Array<{ tid: string; name: string; cpuSeconds: number }> {
  let tids: string[];
  try {
    tids = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const found: Array<{ tid: string; name: string; cpuSeconds: number }> = [];
  let command: string | undefined;
  for (const tid of tids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      // A thread's own name is in its stat; the process's command is its main thread's.
      if (tid === String(pid)) command = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      found.push({ tid, name: tid === String(pid) ? "main thread" : "other threads", cpuSeconds: cpuSecondsOf(stat) });
    } catch {
      // the thread ended since
    }
  }
  if (command === undefined) return [];
  return found.map((thread) => ({ ...thread, name: `${command} (${thread.name})` }));
}

function readUsage(pid: number): { rssBytes: number; cpuSeconds: number } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const rssPages = Number(fs.readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]);
    return { rssBytes: rssPages * PAGE_BYTES, cpuSeconds: cpuSecondsOf(stat) };
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

/** User plus system CPU time of a process's or thread's `stat` line. */
function cpuSecondsOf(stat: string): number {
  // Fields after the command name, which may itself hold spaces and parentheses: utime and stime are fields 14 and
  // 15 of the whole line, 12 and 13 after the name.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}
