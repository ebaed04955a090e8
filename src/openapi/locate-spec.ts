import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

/** The names an element's API description may have in its folder, in the order they are looked for. */
export const SPEC_FILE_NAMES: readonly string[] = ["openapi.yaml", "openapi.yml", "openapi.json", "swagger.yaml", "swagger.yml", "swagger.json"];

const SPEC_EXTENSION = /\.(ya?ml|json)$/i;
/** `https:`, `file:`, `//host`: anything that is an address rather than a path. */
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** The API description in an element folder (`docs/elements/<element>/openapi.yaml`…), relative to the source root. */
export function findElementSpec(sourceDir: string, element: string): string | undefined {
  for (const name of SPEC_FILE_NAMES) {
    const file = path.posix.join("docs/elements", element, name);
    if (fs.existsSync(path.join(sourceDir, file))) return file;
  }
  return undefined;
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
  if (!fs.existsSync(path.join(sourceDir, file))) {
    return problem(`openapi: "${written}" does not exist (looked for ${file})`, "The path is relative to this page; a path starting with / is relative to the source root.");
  }
  return { file };
}
