import { DiagnosticError } from "../diagnostics/diagnostic.ts";
import { lintJson, positionOf } from "./json-lint.ts";
import { readText } from "./read-text.ts";

/**
 * A JSON data file (`_data/*.json`, a folder's data file) read as a value. Invalid JSON is a `json-syntax`
 * DiagnosticError at the line and column of the mistake, in our JSON reader's words (a trailing comma, a comment,
 * single quotes), with `hint`.
 */
export function readJsonFile(file: string, display: string, hint: string): unknown {
  const text = readText(file, display);
  try {
    return JSON.parse(text);
  } catch (error) {
    const problem = lintJson(text);
    const at = problem ? positionOf(text, problem.offset) : undefined;
    throw new DiagnosticError({
      file: display,
      ...(at ? { line: at.line, column: at.column } : {}),
      severity: "error",
      code: "json-syntax",
      message: `Invalid JSON: ${problem?.message ?? (error as Error).message}`,
      hint,
    });
  }
}
