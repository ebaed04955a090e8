import type { Diagnostic } from "./diagnostic.ts";

/**
 * What a problem cost a page, worst first:
 * - `not-written`: no page at all (its front matter did not load, or even our own layout failed);
 * - `no-liquid`: written with its text as it is, Liquid left unread (it could not be split into tags);
 * - `our-layout`: written in our layout of the same kind, because the one it asked for is unknown or broken;
 * - `parts-empty`: written, with the tags that failed left empty.
 */
export type Outcome = "not-written" | "no-liquid" | "our-layout" | "parts-empty";

const RANK: Record<Outcome, number> = { "not-written": 0, "no-liquid": 1, "our-layout": 2, "parts-empty": 3 };

/** A page that is missing from the site, or is in it with less than its source holds, and the first reason why. */
export interface PageShortfall {
  /** The page's source file, relative to the source root. */
  file: string;
  outcome: Outcome;
  /** The diagnostic behind it. */
  code: string;
  message: string;
  /** The layout that failed, when one did. */
  layout?: string;
  /** Ours, used in its place (`our-layout`). */
  ourLayout?: string;
  /** The problem itself, for the live preview's banner on the page. */
  diagnostic: Diagnostic;
}

/** Keeps, of everything a page's render runs into, the problem that cost it most (the first of equals). */
export class ShortfallRecorder {
  current: PageShortfall | undefined;

  constructor(private readonly file: string) {}

  note(diagnostic: Diagnostic, outcome: Outcome, layouts: { layout?: string; ourLayout?: string } = {}): void {
    if (this.current && RANK[this.current.outcome] <= RANK[outcome]) return;
    this.current = { file: this.file, outcome, code: diagnostic.code, message: diagnostic.message, ...layouts, diagnostic };
  }
}

/** The pages of a build: how many the tree has, how many were written, and what fell short. */
export interface PageReport {
  total: number;
  rendered: number;
  shortfalls: PageShortfall[];
}

/** Page files that could not even be read (front matter that is not YAML, text that is not UTF-8). */
export function unloadedPages(loadProblems: readonly Diagnostic[]): PageShortfall[] {
  return loadProblems
    .filter((d) => d.code === "front-matter-yaml" || (d.code === "text-encoding" && PAGE_FILE.test(d.file)))
    .map((d) => ({ file: d.file, outcome: "not-written", code: d.code, message: d.message, diagnostic: d }));
}

const PAGE_FILE = /\.(?:md|markdown|html?)$/;
