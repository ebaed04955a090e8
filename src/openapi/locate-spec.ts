import fs from "node:fs";
import path from "node:path";
import { realPathInside, sourceBound } from "../content/inside-tree.ts";
import { DiagnosticError, type Diagnostic } from "../diagnostics/diagnostic.ts";

/** The names an element's API description may have in its folder, in the order they are looked for. */
export const SPEC_FILE_NAMES: readonly string[] = ["openapi.yaml", "openapi.yml", "openapi.json", "swagger.yaml", "swagger.yml", "swagger.json"];

const SPEC_EXTENSION = /\.(ya?ml|json)$/i;
/** `https:`, `file:`, `//host`: anything that is an address rather than a path. */
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * The API description in an element folder (`docs/elements/<element>/openapi.yaml`…), relative to the source root.
 * A symlink that leads out of the tree, nowhere or round in a loop is reported and passed over, never read.
 */
export function findElementSpec(sourceDir: string, element: string, report: (diagnostic: Diagnostic) => void): string | undefined {
  const named = namesIn(path.join(sourceDir, "docs/elements", element));
  for (const name of SPEC_FILE_NAMES) {
    // One listing of the folder instead of six lookups of each element (40 ms of a 1,500-page load); a name it
    // holds, in any case (a file system may ignore case), is looked up as before, symlinks and all.
    if (named && !named.has(name)) continue;
    const file = path.posix.join("docs/elements", element, name);
    const found = inTree(sourceDir, file);
    if (found === true) return file;
    if (found) report(found);
  }
  return undefined;
}

/** The names in `folder`, lowercased; undefined when it cannot be listed (then every name is looked up). */
function namesIn(folder: string): Set<string> | undefined {
  try {
    return new Set(fs.readdirSync(folder).map((name) => name.toLowerCase()));
  } catch {
    return undefined;
  }
}

/** True when something is at `file` (relative to the tree) once symlinks are followed inside the tree; else why not. */
function inTree(sourceDir: string, file: string): boolean | Diagnostic {
  try {
    return realPathInside(path.join(sourceDir, file), sourceBound(sourceDir)) !== undefined;
  } catch (error) {
    if (error instanceof DiagnosticError) return error.diagnostic;
    throw error;
  }
}

/**
 * The API description a page names in its front matter (`openapi: api/contacts.yaml`, relative to the page, or
 * `/…` from the source root), relative to the source root. A URL is refused: the build reads files, it never
 * fetches, so that a build gives the same site whatever a server answers that day.
 */
export function specFromFrontMatter(
  sourceDir: string,
  pageFile: string,
  value: unknown,
  line?: number,
): { file: string; diagnostic?: undefined } | { file?: undefined; diagnostic: Diagnostic } {
  const problem = (message: string, hint: string) => ({
    diagnostic: { file: pageFile, ...(line ? { line } : {}), severity: "error", code: "openapi-location", message, hint } as Diagnostic,
  });
  if (typeof value !== "string" || value.trim() === "") {
    return problem("openapi: should be the path of an OpenAPI document", "Write the path of a .yaml, .yml or .json file, relative to this page.");
  }
  const written = value.trim();
  if (URL_LIKE.test(written)) {
    return problem(
      `openapi: "${written}" is an address; the build never fetches an API description`,
      "Save the document in the element folder (openapi.yaml) and write its path here, relative to this page.",
    );
  }
  const file = written.startsWith("/")
    ? path.posix.normalize(written.slice(1))
    : path.posix.normalize(path.posix.join(path.posix.dirname(pageFile), written));
  if (file.startsWith("../") || file === "..") {
    return problem(`openapi: "${written}" is outside the source tree`, "Keep the API description inside the tree, next to the element's pages.");
  }
  if (!SPEC_EXTENSION.test(file)) {
    return problem(`openapi: "${written}" is not a .yaml, .yml or .json file`, "An OpenAPI document is written in YAML or JSON.");
  }
  const found = inTree(sourceDir, file);
  if (found !== true && found !== false) return { diagnostic: found };
  if (!found) {
    return problem(`openapi: "${written}" does not exist (looked for ${file})`, "The path is relative to this page; a path starting with / is relative to the source root.");
  }
  return { file };
}
