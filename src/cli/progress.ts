/**
 * Build progress: on a terminal, one line rewritten in place (`Rendering 4,200 / 10,000 pages`) once the
 * build has run for a moment; elsewhere (CI, pipes) nothing, because the summary line says it all.
 */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr, delayMs = 1000) {
  const interactive = Boolean(stream.isTTY) && !process.env.CI;
  const started = performance.now();
  let shown = false;
  let lastDraw = 0;
  return {
    update(label: string, done: number, total: number): void {
      if (!interactive) return;
      const now = performance.now();
      if (now - started < delayMs || (now - lastDraw < 100 && done < total)) return;
      lastDraw = now;
      shown = true;
      stream.write(`\r${label} ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} pages\x1b[K`);
    },
    /** Clears the progress line before the summary or diagnostics are printed. */
    done(): void {
      if (shown) stream.write("\r\x1b[K");
      shown = false;
    },
  };
}
