import type { Token } from "markdown-it";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { lintJson } from "../../content/json-lint.ts";
import type { MarkdownLocator } from "./markdown-locator.ts";

/** Fences checked as strict JSON; ```jsonc, ```json5 and any other name opt out. */
const STRICT_JSON = new Set(["json"]);

/**
 * A ```json example, after Liquid, must parse: readers copy it into requests. Placeholders such as
 * `"<AUTOTASK_USERNAME>"` are strings and fine. The problem is reported at its line in the source file.
 */
export function checkJsonFence(token: Token, locator: MarkdownLocator, report: (d: Diagnostic) => void): void {
  const language = token.info.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  if (!STRICT_JSON.has(language) || !token.map) return;
  const problem = lintJson(token.content);
  if (!problem) return;

  // Line k of the content is Markdown line map[0] + 1 + k; its text may have lost list or quote indentation.
  const before = token.content.slice(0, problem.offset);
  const lineInBlock = countNewlines(before);
  const columnInLine = problem.offset - (before.lastIndexOf("\n") + 1);
  const mdLine = token.map[0] + 1 + lineInBlock;
  const contentLine = token.content.split("\n", lineInBlock + 1)[lineInBlock] ?? "";
  const sourceLine = locator.lineText(mdLine);
  const indent = sourceLine.endsWith(contentLine) ? sourceLine.length - contentLine.length : 0;
  report({
    ...locator.locate(mdLine, indent + columnInLine),
    severity: "error",
    code: "json-example",
    message: `Invalid JSON example: ${problem.message}`,
    hint:
      'Readers copy examples as they are: make it valid JSON. Keep placeholders inside quotes ("<VALUE>"); ' +
      "mark a block that is deliberately not JSON ```jsonc or ```json5.",
  });
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) count++;
  return count;
}
