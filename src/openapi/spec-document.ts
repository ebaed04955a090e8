import type { Diagnostic } from "../diagnostics/diagnostic.ts";

/** The OpenAPI versions the reference reads; 2.0 is Swagger 2.0. */
export type SpecVersion = "2.0" | "3.0" | "3.1";

/** An API description as read from its file: the values as written, and where each node is. */
export interface SpecDocument {
  /** The file, relative to the source root, as diagnostics name it: `docs/elements/acme/openapi.yaml`. */
  file: string;
  /** The document as written, `$ref`s included. */
  root: Record<string, unknown>;
  version: SpecVersion;
  /** The 1-based line of the node at a JSON pointer (of its nearest ancestor when it is missing). */
  lineOf(pointer: string): number;
}

/** What is wrong at a node of the document; `code` is one of the openapi-* codes of src/diagnostics/codes.ts. */
export interface SpecProblem {
  code: string;
  message: string;
  hint?: string;
}

/** An error at the line of a node of the document. */
export function specProblem(doc: Pick<SpecDocument, "file" | "lineOf">, pointer: string, problem: SpecProblem): Diagnostic {
  return { file: doc.file, line: doc.lineOf(pointer), severity: "error", ...problem };
}
