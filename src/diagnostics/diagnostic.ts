import { withLevel, type SeverityLevel } from "./severity.ts";

/** One problem found in the content, pointing at the file (relative to the source root) and line to fix. */
/** Where something was written: a file, its line and column, and the include chain that wrote it. */
export type SourcePosition = Pick<Diagnostic, "file" | "line" | "column" | "chain">;

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
  /**
   * Every include chain that led to the same problem, when several pages include `file` (`chain` is the first).
   * Left out when only one page did.
   */
  chains?: string[][];
  /** Set in a report on a tree with a baseline: true for a problem the baseline knows (src/diagnostics/baseline.ts). */
  baselined?: boolean;
}

/**
 * A problem that stops the build, carried as an exception through code that cannot return diagnostics; `others`
 * are more of the same kind found before it stopped (every broken file of `_data/`, not only the first).
 */
export class DiagnosticError extends Error {
  constructor(
    readonly diagnostic: Diagnostic,
    readonly others: readonly Diagnostic[] = [],
  ) {
    super(diagnostic.message);
    this.name = "DiagnosticError";
  }

  /** The problem and the others. */
  get all(): Diagnostic[] {
    return [this.diagnostic, ...this.others];
  }
}

/** Collects diagnostics for one build, keeping them in a stable order for printing. */
export class DiagnosticList {
  readonly items: Diagnostic[] = [];
  private readonly byProblem = new Map<string, Diagnostic>();
  /** Where each entry was put in `items`: looking it up there is then one read, not a search of every problem. */
  private readonly positions = new Map<Diagnostic, number>();
  private levels: ReadonlyMap<string, SeverityLevel> = new Map();

  /**
   * The level `_config.yml` gives each code (src/diagnostics/severity.ts), applied to every problem recorded, those
   * already here included: the one place where a setting changes what is reported, for build, check and preview.
   */
  useLevels(levels: ReadonlyMap<string, SeverityLevel>): void {
    this.levels = levels;
    const current = this.items.splice(0);
    this.byProblem.clear();
    this.positions.clear();
    for (const diagnostic of current) this.add(diagnostic);
  }

  /**
   * Records a problem once. A mistake in a layout or a shared include fails, or shows up in, every page that uses
   * it; the writer fixes it in one place, so it is one entry listing the include chains of the pages it reached.
   * Returns the entry that stands for it, or undefined when the site's settings turn its code off.
   */
  add(reported: Diagnostic): Diagnostic | undefined {
    const diagnostic = withLevel(reported, this.levels);
    if (!diagnostic) return undefined;
    const key = problemKey(diagnostic);
    const known = this.byProblem.get(key);
    // `items` is public: an entry taken out of it since then is recorded afresh rather than lost.
    if (known && (this.items[this.positions.get(known) ?? -1] === known || this.items.includes(known))) {
      addChains(known, diagnostic);
      return known;
    }
    // A copy, so that merging more chains in later never changes the caller's object.
    const entry: Diagnostic = { ...diagnostic };
    if (diagnostic.chains) entry.chains = [...diagnostic.chains];
    this.byProblem.set(key, entry);
    this.positions.set(entry, this.items.length);
    this.items.push(entry);
    return entry;
  }

  /** The levels in use (`useLevels`), for a shard to hand the merge. */
  levelsInUse(): ReadonlyMap<string, SeverityLevel> {
    return this.levels;
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

/** Every include chain that led to the problem, in the order the pages were found; none for a page's own line. */
export function chainsOf(d: Diagnostic): string[][] {
  return d.chains ?? (d.chain ? [d.chain] : []);
}

/**
 * What makes two reports the same problem: everything but the page that ran into it. The hint counts, because a
 * hint such as "Did you mean page.title?" depends on the page's front matter.
 */
function problemKey(d: Diagnostic): string {
  return JSON.stringify([d.file, d.line, d.column, d.severity, d.code, d.message, d.hint]);
}

/** The chains of an entry, as text, kept with it: a problem in an include that 20,000 pages reach is merged 20,000 times. */
const chainTexts = new WeakMap<Diagnostic, Set<string>>();

function addChains(into: Diagnostic, from: Diagnostic): void {
  const chains = chainsOf(into);
  let known = chainTexts.get(into);
  // Made afresh when the entry's chains were set since (a copy of an entry brings its own).
  if (!known || known.size !== chains.length) chainTexts.set(into, (known = new Set(chains.map((chain) => chain.join("\n")))));
  for (const chain of chainsOf(from)) {
    if (known.has(chain.join("\n"))) continue;
    known.add(chain.join("\n"));
    chains.push(chain);
  }
  if (!into.chain && chains.length) into.chain = chains[0];
  if (chains.length > 1) into.chains = chains;
}
