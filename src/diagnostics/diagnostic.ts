/** One problem found in the content, pointing at the file (relative to the source root) and line to fix. */
export interface Diagnostic {
  /** Source file relative to the source root, e.g. `docs/elements/acme-crm/index.md`. */
  file: string;
  /** 1-based line in `file`, when known. */
  line?: number;
  /** 1-based column in `file`, when known. */
  column?: number;
  severity: "error" | "warning";
  /** Stable machine-readable code, e.g. `liquid-undefined-variable`. */
  code: string;
  message: string;
  /** What the writer should do about it. */
  hint?: string;
  /** The include chain that led to `file`, outermost first, as `file:line` strings. */
  chain?: string[];
}

/** A problem that stops the build, carried as an exception through code that cannot return diagnostics. */
export class DiagnosticError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.name = "DiagnosticError";
  }
}

/** Collects diagnostics for one build, keeping them in a stable order for printing. */
export class DiagnosticList {
  readonly items: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  /**
   * Records a diagnostic once: a mistake in a layout fails every page that uses it, and the writer needs
   * to read it once, not once per page.
   */
  add(diagnostic: Diagnostic): void {
    const key = JSON.stringify([diagnostic.file, diagnostic.line, diagnostic.column, diagnostic.code, diagnostic.message, diagnostic.chain]);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(diagnostic);
  }

  get errorCount(): number {
    return this.items.filter((d) => d.severity === "error").length;
  }

  get warningCount(): number {
    return this.items.filter((d) => d.severity === "warning").length;
  }

  /** Sorted by file, then line, so two builds print the same report. */
  sorted(): Diagnostic[] {
    return [...this.items].sort(
      (a, b) =>
        a.file.localeCompare(b.file) ||
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.column ?? 0) - (b.column ?? 0) ||
        a.code.localeCompare(b.code),
    );
  }
}
