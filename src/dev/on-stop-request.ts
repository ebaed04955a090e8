/**
 * Calls `stop` once when this process is asked to end: SIGINT (Ctrl-C), SIGTERM, or its parent process going away.
 * The last one matters for `npm start`: npm runs us under `sh -c`, and a SIGTERM to npm ends that shell without
 * passing the signal on, which used to leave the preview serving with no one to stop it. An orphan is re-parented,
 * so a changed parent PID means the parent is gone.
 */
export function onStopRequest(stop: (reason: string) => void, parentPollMs = 500): void {
  let stopping = false;
  const once = (reason: string) => {
    if (stopping) return;
    stopping = true;
    clearInterval(parentPoll);
    stop(reason);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => once(signal));
  const parent = process.ppid;
  const parentPoll = setInterval(() => {
    if (process.ppid === parent) return;
    // A stop nobody asked for here: said, where a terminal may still read it (a write to a closed one is dropped).
    process.stderr.write("Preview stopped: the process that started it has exited (npm, or the terminal, was stopped).\n");
    once("parent process exited");
  }, parentPollMs);
  parentPoll.unref();
}
