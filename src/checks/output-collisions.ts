import type { Diagnostic } from "../diagnostics/diagnostic.ts";

/** One file (or, for `folder`, a whole folder) of the site and what writes it. */
export interface OutputClaim {
  /** Relative to the output folder. */
  outputPath: string;
  /** What writes it, as a message names it: `the page docs/a.md`. */
  what: string;
  /** The source file to point at, relative to the source root; none for files the generator makes. */
  file?: string;
  line?: number;
  kind: "redirect" | "page" | "file" | "generated";
  /** A folder the generator fills (the search index), where nothing else may write. */
  folder?: boolean;
  /** What to do about a collision with this claim, when the usual hint does not fit. */
  hint?: string;
  /** A page's Markdown twin: its path follows the page's, so twins that collide only repeat their pages' collision. */
  twin?: true;
}

/** Where a report belongs when several claims collide: a redirect entry's line is the most precise spot. */
const REPORT_AT: readonly OutputClaim["kind"][] = ["redirect", "page", "file", "generated"];

/** A page's output, reported at its `permalink:` line when it has one (that is what sent it there). */
export function pageClaim(outputPath: string, file: string, permalinkLine?: number): OutputClaim {
  return { outputPath, what: `the page ${file}`, file, line: permalinkLine ?? 1, kind: "page" };
}

export function staticFileClaim(outputPath: string, file: string): OutputClaim {
  return { outputPath, what: `the file ${file}`, file, kind: "file" };
}

export function redirectClaim(outputPath: string, from: { file: string; line: number | undefined; entry: string }): OutputClaim {
  return { outputPath, what: `redirect_from "${from.entry}" of ${from.file}`, file: from.file, line: from.line, kind: "redirect" };
}

/** A file or folder the generator writes itself: `404.html`, `sitemap.xml`, the search index's `pagefind/`. */
export function generatedClaim(outputPath: string, name = outputPath, folder = false): OutputClaim {
  return { outputPath, what: `the generated ${name}`, kind: "generated", folder };
}

/** The Markdown twin written beside a page for AI agents (src/agents/markdown-twin.ts). */
export function twinClaim(outputPath: string, pageFile: string): OutputClaim {
  return {
    outputPath,
    what: `the Markdown twin of ${pageFile}`,
    kind: "generated",
    hint: `Each Markdown page gets a Markdown twin beside its HTML (${outputPath} for ${pageFile}): rename or move the other file.`,
    twin: true,
  };
}

/**
 * Every URL has one source. Two things writing the same file (a page and a leftover `.html` of the same name, a
 * redirect onto a page or onto `sitemap.xml`) would leave one of them silently overwritten; a file where another
 * needs a folder would fail the write. Claims come in order of precedence: the first for a path is kept, and the
 * others are returned as `dropped` so that what is built in memory (and shown by the live preview) is still whole.
 */
export function outputCollisions(claims: readonly OutputClaim[]): { diagnostics: Diagnostic[]; dropped: Set<OutputClaim> } {
  const byPath = new Map<string, OutputClaim[]>();
  for (const claim of claims) {
    const list = byPath.get(claim.outputPath);
    if (list) list.push(claim);
    else byPath.set(claim.outputPath, [claim]);
  }
  const diagnostics: Diagnostic[] = [];
  const dropped = new Set<OutputClaim>();
  for (const [outputPath, list] of byPath) {
    if (list.length < 2) continue;
    for (const claim of list.slice(1)) dropped.add(claim);
    // Twins of pages sent to one address by their permalinks: the pages' own collision says it.
    if (list.every((claim) => claim.twin)) continue;
    const at = reportedAt(list);
    diagnostics.push({
      ...at,
      severity: "error",
      code: codeFor(list),
      message: `${outputPath} has ${list.length === 2 ? "two sources" : `${list.length} sources`}: ${listWhat(list)}`,
      hint: hintFor(list),
    });
  }
  for (const [outputPath, [claim]] of byPath) {
    const parent = claimedParent(outputPath, byPath);
    if (!parent || dropped.has(claim)) continue;
    dropped.add(claim);
    diagnostics.push({
      ...reportedAt([claim, parent]),
      severity: "error",
      code: codeFor([claim, parent]),
      message: parent.folder
        ? `${claim.what} writes ${outputPath}, inside the folder of ${parent.what}`
        : `${claim.what} writes ${outputPath}, but ${parent.outputPath} is a file, written by ${parent.what}`,
      hint: hintFor([claim, parent]),
    });
  }
  return { diagnostics, dropped };
}

/** The nearest folder of `outputPath` that is itself claimed (as a file, or as a generated folder). */
function claimedParent(outputPath: string, byPath: ReadonlyMap<string, OutputClaim[]>): OutputClaim | undefined {
  for (let end = outputPath.lastIndexOf("/"); end > 0; end = outputPath.lastIndexOf("/", end - 1)) {
    const claim = byPath.get(outputPath.slice(0, end))?.[0];
    if (claim) return claim;
  }
  return undefined;
}

function reportedAt(list: readonly OutputClaim[]): Pick<Diagnostic, "file" | "line"> {
  const best = [...list].sort((a, b) => REPORT_AT.indexOf(a.kind) - REPORT_AT.indexOf(b.kind))[0];
  return { file: best.file ?? best.outputPath, line: best.line };
}

function hasRedirect(list: readonly OutputClaim[]): boolean {
  return list.some((claim) => claim.kind === "redirect");
}

/** `redirect-conflict` is the code this has always had for a redirect onto a taken address. */
function codeFor(list: readonly OutputClaim[]): string {
  return hasRedirect(list) ? "redirect-conflict" : "output-collision";
}

function hintFor(list: readonly OutputClaim[]): string {
  if (hasRedirect(list)) {
    return "Remove the redirect_from entry, or point it at an address nothing else uses.";
  }
  const own = list.find((claim) => claim.hint !== undefined)?.hint;
  if (own) return own;
  return "Rename or delete one of them: each address of the site is written from one source file.";
}

function listWhat(list: readonly OutputClaim[]): string {
  const names = list.map((claim) => claim.what);
  return names.length === 2 ? `${names[0]} and ${names[1]}` : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
