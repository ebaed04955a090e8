import path from "node:path";
import { readText } from "../content/read-text.ts";
import { DiagnosticError, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { buildModel } from "./build-model.ts";
import { isObject } from "./json-pointer.ts";
import type { ApiReference } from "./model.ts";
import { parseWithLines, TextSyntaxError } from "./parse-with-lines.ts";
import { refDiagnostics } from "./refs.ts";
import { specProblem, type SpecDocument, type SpecVersion } from "./spec-document.ts";
import { validateSpec } from "./validate-spec.ts";

/** What reading an API description gave: the reference (unless the file could not be read at all) and its problems. */
export interface LoadedSpec {
  reference?: ApiReference;
  /** Every problem, at its line in the document, in line order. */
  diagnostics: Diagnostic[];
}

/**
 * Reads, validates and models one element's API description. A document with mistakes still gives as much of
 * the reference as can be built; only one that cannot be read as YAML or JSON, or that is no OpenAPI or Swagger
 * document, gives none.
 *
 * @param sourceDir the source root
 * @param file the document, relative to the source root (see findElementSpec, specFromFrontMatter)
 * @param element the element folder it belongs to
 */
export async function loadSpec(sourceDir: string, file: string, element: string): Promise<LoadedSpec> {
  let text: string;
  try {
    text = readText(path.join(sourceDir, file), file);
  } catch (error) {
    if (error instanceof DiagnosticError) return { diagnostics: [error.diagnostic] };
    throw error;
  }
  const parsed = readDocument(file, text);
  if ("diagnostic" in parsed) return { diagnostics: [parsed.diagnostic] };
  const { doc, versionProblem } = parsed;
  const { reference, diagnostics: modelProblems } = buildModel(doc, element);
  const diagnostics = [
    ...(versionProblem ? [versionProblem] : []),
    ...refDiagnostics(doc),
    // The library knows 2.0, 3.0 and 3.1 only: a newer document is modelled as 3.1, not validated.
    ...(versionProblem ? [] : await validateSpec(doc)),
    ...modelProblems,
  ];
  return { reference, diagnostics: diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
}

type Read = { doc: SpecDocument; versionProblem?: Diagnostic } | { diagnostic: Diagnostic };

function readDocument(file: string, text: string): Read {
  let value: unknown;
  let lineOf: (pointer: string) => number;
  try {
    ({ value, lineOf } = parseWithLines(text, { json: file.toLowerCase().endsWith(".json") }));
  } catch (error) {
    if (!(error instanceof TextSyntaxError)) throw error;
    const json = file.toLowerCase().endsWith(".json");
    return {
      diagnostic: {
        file,
        line: error.line,
        ...(error.column ? { column: error.column } : {}),
        severity: "error",
        code: "openapi-syntax",
        message: `Invalid ${json ? "JSON" : "YAML"}: ${error.message}`,
        hint: error.hint ?? (json ? "Check the commas and quotes near this line." : "Check the indentation, and quote values that contain a colon."),
      },
    };
  }
  const notOpenApi = (message: string): Read => ({
    diagnostic: { file, line: 1, severity: "error", code: "openapi-invalid", message, hint: "An OpenAPI document starts with `openapi: 3.0.3` (or 3.1.0), a Swagger one with `swagger: \"2.0\"`." },
  });
  if (!isObject(value) || Array.isArray(value)) return notOpenApi("This is not an OpenAPI document: it should be a mapping with openapi:, info: and paths:");
  const declared = value.openapi ?? value.swagger;
  const version = versionOf(value);
  if (!version) {
    if (typeof declared === "number") {
      // YAML reads `swagger: 2.0` or `openapi: 3.0` unquoted as a number, 2 or 3: the version must be text.
      const key = value.openapi === undefined ? "swagger" : "openapi";
      return {
        diagnostic: {
          file,
          line: lineOf(`/${key}`),
          severity: "error",
          code: "openapi-invalid",
          message: `${key}: ${String(declared)} is read as a number; the version is text`,
          hint: `Quote it: ${key}: "${key === "swagger" ? "2.0" : "3.0.3"}".`,
        },
      };
    }
    return notOpenApi(declared === undefined ? "This is not an OpenAPI document: it has no openapi: (or swagger:) version" : `OpenAPI version "${String(declared)}" is not one Element Guides reads`);
  }
  const doc: SpecDocument = { file, root: value, version: version.version, lineOf };
  const versionProblem = version.exact
    ? undefined
    : specProblem(doc, "/openapi", {
        code: "openapi-invalid",
        message: `OpenAPI ${String(declared)} is read as 3.1 and not validated`,
        hint: "Element Guides validates OpenAPI 3.0, 3.1 and Swagger 2.0.",
      });
  return { doc, versionProblem };
}

function versionOf(root: Record<string, unknown>): { version: SpecVersion; exact: boolean } | undefined {
  if (String(root.swagger) === "2.0") return { version: "2.0", exact: true };
  const declared = typeof root.openapi === "string" ? root.openapi : "";
  if (declared.startsWith("3.0")) return { version: "3.0", exact: true };
  if (declared.startsWith("3.1")) return { version: "3.1", exact: true };
  if (/^3\.\d/.test(declared)) return { version: "3.1", exact: false };
  return undefined;
}
