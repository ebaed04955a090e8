import fs from "node:fs";
import path from "node:path";
import { DiagnosticError, type Diagnostic } from "./diagnostic.ts";

/**
 * The baseline: a committed list of a tree's known problems, so that a legacy site can turn every check on at
 * once and fail only on problems it did not have yet (ESLint's bulk suppressions and PHPStan's baseline work the
 * same way). `npm run check -- --update-baseline` writes it.
 */
export const BASELINE_FILE = ".element-guides-baseline.json";

/** Known problems of one kind in one file: no line number, so edits elsewhere in the file keep it. */
export interface BaselineEntry {
  file: string;
  code: string;
  message: string;
  /** How many there are: one more of the same in the same file is a new problem. */
  count: number;
}

const ABOUT =
  "Known problems of this site, written by `npm run check -- --update-baseline`. `npm run build` and " +
  "`npm run check` fail only on problems that are not listed here. Fix a listed problem, then run " +
  "--update-baseline again to drop it. Entries have no line numbers: edits elsewhere in a file keep them.";

export interface BaselineComparison {
  /** The file it was read from, relative to the source root. */
  file: string;
  /** Problems the baseline knows (not printed unless asked); the others are new, and fail the build. */
  known: Set<Diagnostic>;
  /** New problems of a kind the baseline knows fewer of in their file: a note for their hint. */
  notes: Map<Diagnostic, string>;
  /** Entries with fewer problems left than listed; `count` is how many were fixed. */
  fixed: BaselineEntry[];
}

/** The problem's fingerprint: its file, code and message, with positions and counts that edits shift left out. */
export function fingerprint(d: Pick<Diagnostic, "file" | "code" | "message">): string {
  return JSON.stringify([d.file, d.code, normalizeMessage(d.message)]);
}

/**
 * A message as the baseline compares it: positions (`docs/a.md:12`) and counts ("16 pages", "and 13 more") change
 * with edits elsewhere, so they do not count; quoted text (a link, a variable name) is compared as it is.
 */
export function normalizeMessage(message: string): string {
  const unquoted = (text: string) => text.replace(POSITION, "$1").replace(COUNT, "N");
  return message
    .replace(/\s+/g, " ")
    .trim()
    .replace(SHARED_BY, "")
    .split(/("[^"]*")/)
    .map((part, i) => (i % 2 === 1 ? part : unquoted(part)))
    .join("");
}

/** `file.md:12` or `file.md:12:3`: the line and column go. */
const POSITION = /(\.[A-Za-z0-9]+):\d+(?::\d+)?\b/g;
/** A number standing on its own (not in a name such as step-2, a path or an anchor). */
const COUNT = /(?<![\w.\-/#:])\d+(?![\w.\-/])/g;
/** The tail check-links adds when a layout gives many pages one broken link. */
const SHARED_BY = /; \d+ more (?:page has|pages have) it too$/;

/** The tree's baseline, or undefined when it has none. A file that cannot be read is a diagnostic. */
export function readBaseline(sourceDir: string): BaselineEntry[] | undefined {
  const file = path.join(sourceDir, BASELINE_FILE);
  if (!fs.existsSync(file)) return undefined;
  const problem = (message: string): DiagnosticError =>
    new DiagnosticError({
      file: BASELINE_FILE,
      severity: "error",
      code: "baseline-file",
      message,
      hint: "Run `npm run check -- --update-baseline` to write it afresh (it lists the problems the site has now).",
    });
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw problem(`The baseline is not valid JSON: ${(error as Error).message}`);
  }
  const problems = (parsed as { problems?: unknown } | null)?.problems;
  if (!Array.isArray(problems) || !problems.every(isEntry)) {
    throw problem('The baseline must hold "problems": a list of { file, code, message, count }.');
  }
  return problems;
}

/** Writes every current problem as the baseline, sorted so that it diffs well; returns how many it lists. */
export function writeBaseline(sourceDir: string, diagnostics: readonly Diagnostic[]): number {
  const entries = new Map<string, BaselineEntry>();
  for (const d of diagnostics) {
    const key = fingerprint(d);
    const entry = entries.get(key);
    if (entry) entry.count++;
    else entries.set(key, { file: d.file, code: d.code, message: d.message.replace(/\s+/g, " ").trim(), count: 1 });
  }
  const problems = [...entries.values()].sort(
    (a, b) => a.file.localeCompare(b.file) || a.code.localeCompare(b.code) || a.message.localeCompare(b.message),
  );
  fs.writeFileSync(path.join(sourceDir, BASELINE_FILE), JSON.stringify({ about: ABOUT, problems }, null, 2) + "\n");
  return diagnostics.length;
}

/**
 * Sorts problems (in report order) into known and new. Of several with one fingerprint, as many as the baseline
 * counts are known, the first ones; the rest are new, with a note saying that the file now has more of them.
 */
export function compareWithBaseline(diagnostics: readonly Diagnostic[], baseline: readonly BaselineEntry[]): BaselineComparison {
  const allowed = new Map<string, number>();
  for (const entry of baseline) allowed.set(fingerprint(entry), (allowed.get(fingerprint(entry)) ?? 0) + entry.count);
  const found = new Map<string, number>();
  for (const d of diagnostics) found.set(fingerprint(d), (found.get(fingerprint(d)) ?? 0) + 1);

  const known = new Set<Diagnostic>();
  const notes = new Map<Diagnostic, string>();
  const used = new Map<string, number>();
  for (const d of diagnostics) {
    const key = fingerprint(d);
    const limit = allowed.get(key) ?? 0;
    const seen = used.get(key) ?? 0;
    used.set(key, seen + 1);
    if (seen < limit) known.add(d);
    else if (limit > 0) notes.set(d, moreNote(found.get(key)!, limit));
  }
  const fixed: BaselineEntry[] = [];
  for (const entry of baseline) {
    const key = fingerprint(entry);
    const left = found.get(key) ?? 0;
    if (left < entry.count) fixed.push({ ...entry, count: entry.count - left });
    // An entry listed twice (a hand edit) is counted once.
    found.set(key, Math.max(0, left - entry.count));
  }
  return { file: BASELINE_FILE, known, notes, fixed };
}

function moreNote(found: number, allowed: number): string {
  const extra = found - allowed;
  return `This file has ${found} of these and the baseline knows ${allowed}, so ${extra === 1 ? "one is" : `${extra} are`} new; fixing any of them counts.`;
}

function isEntry(value: unknown): value is BaselineEntry {
  const e = value as Partial<BaselineEntry> | null;
  return (
    typeof e === "object" && e !== null && typeof e.file === "string" && typeof e.code === "string" &&
    typeof e.message === "string" && Number.isInteger(e.count) && (e.count as number) > 0
  );
}
