import type { Diagnostic } from "../diagnostics/diagnostic.ts";

/** Which problems the terminal has shown, so that each is printed once while it lasts, and again if it comes back. */
export class PrintedProblems {
  private printed = new Set<string>();

  /** The problems not printed yet; they count as printed from now on. */
  fresh(problems: readonly Diagnostic[]): Diagnostic[] {
    const fresh = problems.filter((d) => !this.printed.has(key(d)));
    for (const d of fresh) this.printed.add(key(d));
    return fresh;
  }

  /** The site's problems now: those fixed since are forgotten, so that they are printed should they come back. */
  current(problems: readonly Diagnostic[]): void {
    this.printed = new Set(problems.map(key));
  }
}

function key(d: Diagnostic): string {
  return JSON.stringify([d.file, d.line, d.column, d.code, d.message]);
}
