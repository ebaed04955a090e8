import path from "node:path";
import type { Liquid, Template } from "liquidjs";
import { boundOf, fileInside, isInside, sourceBound, type Bound } from "../content/inside-tree.ts";
import { readText } from "../content/read-text.ts";
import { DiagnosticError } from "../diagnostics/diagnostic.ts";

/** Where includes are looked up and which folder they may never leave. */
export interface PartialRoots {
  /** The source tree; include_relative may reach anything inside it. */
  sourceDir: string;
  /** `_includes` folders in lookup order: the source tree's own first, ours after, so the tree wins a name clash. */
  includeDirs: string[];
}

/** Thrown for include paths that are missing or lead out of the tree; the tag turns it into a Liquid error. */
export class PartialPathError extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
    this.name = "PartialPathError";
  }
}

/**
 * Found includes by name, per set of roots: every page's layouts include the same few partials, and a
 * file-system lookup per include per page showed up in profiles. Only hits are kept, so a partial
 * created while the preview runs is still found.
 */
const foundIncludes = new WeakMap<PartialRoots, Map<string, string>>();

/** Resolves `{% include name %}` against the include folders, refusing paths that climb out of them. */
export function resolveInclude(roots: PartialRoots, name: string): string {
  let found = foundIncludes.get(roots);
  if (!found) foundIncludes.set(roots, (found = new Map()));
  const known = found.get(name);
  if (known) return known;
  const file = findInclude(roots, name);
  found.set(name, file);
  return file;
}

function findInclude(roots: PartialRoots, name: string): string {
  refuseEmptyName("include", name);
  for (const dir of roots.includeDirs) {
    const candidate = path.resolve(dir, name);
    if (!isInside(dir, candidate)) {
      throw new PartialPathError(
        `Include "${name}" points outside _includes/`,
        "Includes are looked up inside _includes/ only; move the file there and name it relative to that folder.",
      );
    }
    if (partialInside(candidate, boundOf(dir, roots.sourceDir), `Include "${name}"`)) return candidate;
  }
  throw new PartialPathError(
    `Include "${name}" not found`,
    `Create _includes/${name}, or fix the name (paths are relative to _includes/).`,
  );
}

/** An include whose name came out empty: a variable that names it (`{% include {{ page.box }} %}`) is not set. */
function refuseEmptyName(tag: string, name: string): void {
  if (name.trim() !== "") return;
  throw new PartialPathError(
    `The ${tag} names no file: its name came out empty`,
    `When the name comes from a variable ({% ${tag} {{ page.box }} %}), set it on this page, or guard the tag with {% if page.box %}.`,
  );
}

/** Resolves `{% include_relative name %}` against the including file's folder, inside the source tree. */
export function resolveRelative(roots: PartialRoots, fromFile: string, name: string): string {
  refuseEmptyName("include_relative", name);
  const candidate = path.resolve(path.dirname(fromFile), name);
  if (!isInside(roots.sourceDir, candidate)) {
    throw new PartialPathError(
      `include_relative "${name}" points outside the source tree`,
      "include_relative may only pull in files inside the site's source folder.",
    );
  }
  if (!partialInside(candidate, sourceBound(roots.sourceDir), `include_relative "${name}"`)) {
    throw new PartialPathError(
      `include_relative "${name}" not found next to ${path.basename(fromFile)}`,
      "The path is relative to the folder of the file that includes it.",
    );
  }
  return candidate;
}

/**
 * True when `file` is a file whose real path stays inside `bound`; a symlink out of it (or to nothing) is the
 * include tag's error, so the diagnostic points at the tag and names the link and where it leads.
 */
function partialInside(file: string, bound: Bound, what: string): boolean {
  try {
    return fileInside(file, bound) !== undefined;
  } catch (error) {
    if (!(error instanceof DiagnosticError)) throw error;
    throw new PartialPathError(`${what}: ${error.diagnostic.message}`, error.diagnostic.hint ?? "");
  }
}

/** Parses each partial once per build; pages share the parsed templates. */
export class PartialCache {
  private readonly parsed = new Map<string, Template[]>();

  constructor(private readonly liquid: Liquid) {}

  get(file: string): Template[] {
    let templates = this.parsed.get(file);
    if (!templates) {
      templates = this.liquid.parse(stripFrontMatter(readText(file, file)), file);
      this.parsed.set(file, templates);
    }
    return templates;
  }
}

/** Jekyll drops a partial's front matter; keep its lines blank so error lines still match the file. */
function stripFrontMatter(text: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/.exec(text);
  if (!match) return text;
  return match[0].replace(/[^\n]/g, "") + text.slice(match[0].length);
}
