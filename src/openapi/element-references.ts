import type { SourcePage } from "../content/source-page.ts";
import type { Diagnostic, DiagnosticList } from "../diagnostics/diagnostic.ts";
import { loadSpec } from "./load-spec.ts";
import { findElementSpec, specFromFrontMatter } from "./locate-spec.ts";
import type { ApiReference } from "./model.ts";

/** Every element's API reference, by element folder (`acme-crm`); elements without an API description are absent. */
export type ElementReferences = Map<string, ApiReference>;

/**
 * Reads each element's API description once per build: the one a page of the element names in its front matter
 * (`openapi: api/contacts.yaml`), else `docs/elements/<element>/openapi.yaml` (or another of SPEC_FILE_NAMES).
 * Problems of the documents, and of the front matter that names them, go to `diagnostics` at their lines.
 */
export async function loadElementReferences(
  sourceDir: string,
  pages: readonly SourcePage[],
  diagnostics: DiagnosticList,
): Promise<ElementReferences> {
  const specs = new Map<string, string>();
  for (const [element, named] of namedSpecs(sourceDir, pages, diagnostics)) specs.set(element, named);
  for (const element of elementFolders(pages)) {
    if (specs.has(element)) continue;
    const found = findElementSpec(sourceDir, element, (diagnostic) => diagnostics.add(diagnostic));
    if (found) specs.set(element, found);
  }
  const loaded = await Promise.all([...specs].map(async ([element, file]) => [element, await loadSpec(sourceDir, file, element)] as const));
  const references: ElementReferences = new Map();
  for (const [element, { reference, diagnostics: problems }] of loaded.sort(([a], [b]) => a.localeCompare(b))) {
    for (const problem of problems) diagnostics.add(problem);
    if (reference) references.set(element, reference);
  }
  return references;
}

/** The documents pages name in `openapi:`, by element; the first page (by file) of an element decides. */
function namedSpecs(sourceDir: string, pages: readonly SourcePage[], diagnostics: DiagnosticList): Map<string, string> {
  const named = new Map<string, { file: string; page: string }>();
  for (const page of [...pages].sort((a, b) => a.file.localeCompare(b.file))) {
    if (page.data.openapi === undefined) continue;
    const element = elementOf(page);
    const line = page.keyLines.openapi;
    const at = (message: string, hint: string): Diagnostic => ({ file: page.file, ...(line ? { line } : {}), severity: "error", code: "openapi-location", message, hint });
    if (!element) {
      diagnostics.add(at("openapi: only counts on a page of an element (docs/elements/<element>/)", "Move the key to a page of the element the API belongs to."));
      continue;
    }
    const found = specFromFrontMatter(sourceDir, page.file, page.data.openapi, line);
    if (found.diagnostic) {
      diagnostics.add(found.diagnostic);
      continue;
    }
    const first = named.get(element);
    if (!first) named.set(element, { file: found.file, page: page.file });
    else if (first.file !== found.file) {
      diagnostics.add(at(`openapi: names ${found.file}, but ${first.page} already names ${first.file} for this element`, "An element has one API description: name the same file on every page, or on one page only."));
    }
  }
  return new Map([...named].map(([element, { file }]) => [element, file]));
}

function elementFolders(pages: readonly SourcePage[]): string[] {
  return [...new Set(pages.map(elementOf).filter((folder) => folder !== undefined))].sort();
}

/** The element folder of a page, its `ko/` pages included. */
function elementOf(page: SourcePage): string | undefined {
  return page.elementFolder ?? /^docs\/elements\/([^/]+)\//.exec(page.file)?.[1];
}
