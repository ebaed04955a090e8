import yaml from "js-yaml";
import { readText } from "../content/read-text.ts";
import { DiagnosticError } from "../diagnostics/diagnostic.ts";
import { JEKYLL_YAML_SCHEMA } from "../text/jekyll-yaml.ts";
import { unclosedProblem } from "../text/yaml-unclosed.ts";

/** Parses a YAML file; a syntax error becomes a diagnostic at the right line. */
export function parseYamlFile(file: string, displayName: string): Record<string, unknown> | undefined {
  const text = readText(file, displayName);
  try {
    return yaml.load(text, { filename: displayName, schema: JEKYLL_YAML_SCHEMA }) as Record<string, unknown> | undefined;
  } catch (error) {
    // A quote or bracket never closed is js-yaml's error at the end of the file: reported where it opens.
    const open = unclosedProblem(error, text.split("\n"));
    if (open) {
      throw new DiagnosticError({ file: displayName, line: open.line, severity: "error", code: "yaml-syntax", message: `Invalid YAML: ${open.says}`, hint: open.hint });
    }
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    throw new DiagnosticError({
      file: displayName,
      line: mark ? mark.line + 1 : undefined,
      column: mark ? mark.column + 1 : undefined,
      severity: "error",
      code: "yaml-syntax",
      message: `Invalid YAML: ${(error as { reason?: string }).reason ?? (error as Error).message}`,
      hint: "Check indentation and quote values that contain a colon.",
    });
  }
}
