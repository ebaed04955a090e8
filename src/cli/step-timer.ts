/** Seconds spent in each named build step, for `--timings` and the benchmark. */
export interface StepTimer {
  step<T>(name: string, run: () => T): T;
  timings: Record<string, number>;
  /** Seconds since the timer was made. */
  elapsed(): number;
}

export function stepTimer(): StepTimer {
  const started = performance.now();
  const timings: Record<string, number> = {};
  return {
    timings,
    elapsed: () => (performance.now() - started) / 1000,
    step<T>(name: string, run: () => T): T {
      const stepStarted = performance.now();
      const result = run();
      const record = () => (timings[name] = (performance.now() - stepStarted) / 1000);
      if (result instanceof Promise) return result.finally(record) as T;
      record();
      return result;
    },
  };
}
