/**
 * Whether another process runs under `pid`, the process id a leftover file or folder is named with. This process's
 * own pid is no other: what carries it was left by an earlier process that had the same pid, and was killed.
 */
export function otherProcessRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // Running, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
