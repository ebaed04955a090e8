import { spawnSync } from "node:child_process";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { HintedError } from "../liquid/hinted-error.ts";
import { escapeRegExp } from "../text/escape-reg-exp.ts";

/**
 * A plugin file that did not load, or whose default export or site value threw: a problem at that file. `absFile`
 * lets a syntax error be placed (Node leaves its position out of the error of an import).
 */
export function pluginFailure(file: string, what: string, error: unknown, absFile?: string): Diagnostic {
  const diagnostic: Diagnostic = {
    file,
    severity: "error",
    code: "plugin-error",
    message: `The plugin ${what}: ${messageOf(error)}`,
    hint: "Fix the plugin; until then nothing it defines exists, and pages using it are reported where they do.",
  };
  const position = positionIn(error, file) ?? (error instanceof SyntaxError && absFile ? syntaxErrorLine(absFile) : undefined);
  if (position) Object.assign(diagnostic, position);
  return diagnostic;
}

/** A plugin's filter or tag that threw while a page rendered: reported at the page's use of it. */
export function pluginCallFailure(what: string, file: string, error: unknown): HintedError {
  return new HintedError(
    `${what} from ${file} failed: ${messageOf(error)}`,
    "plugin-error",
    `The error was thrown by ${file}; fix it there (this line is where it was called, with this page's values).`,
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Where in the plugin file the error arose, read from the stack (or, for a syntax error, its first line). */
function positionIn(error: unknown, file: string): { line: number; column?: number } | undefined {
  const stack = error instanceof Error ? error.stack : undefined;
  if (!stack) return undefined;
  const name = escapeRegExp(path.posix.basename(file));
  const match = new RegExp(`/${name}(?:\\?v=\\w+)?:(\\d+)(?::(\\d+))?`).exec(stack);
  if (!match) return undefined;
  return match[2] ? { line: Number(match[1]), column: Number(match[2]) } : { line: Number(match[1]) };
}

/** The line Node's own syntax check names; run only for a plugin that failed to import with a syntax error. */
function syntaxErrorLine(absFile: string): { line: number } | undefined {
  const check = spawnSync(process.execPath, ["--check", absFile], { encoding: "utf8" });
  const line = /^.*:(\d+)$/m.exec(check.stderr ?? "")?.[1];
  return line ? { line: Number(line) } : undefined;
}
