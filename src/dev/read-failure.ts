import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

/**
 * The problem of a tree that could not be read because it changed meanwhile: a file gone between being listed and
 * being read, as when an editor saves to a temporary file and renames it, or a checkout is under way.
 */
export function readFailure(error: unknown, sourceDir: string): Diagnostic {
  const { code, path: file } = error as NodeJS.ErrnoException;
  return {
    file: typeof file === "string" ? path.relative(sourceDir, file).split(path.sep).join("/") : "_config.yml",
    severity: "error",
    code: "preview-read-failed",
    message: `The tree could not be read (${code ?? (error instanceof Error ? error.message : String(error))}): a file changed while it was read`,
    hint: "The preview reads the tree again in a moment, and at the next save; restart it if this stays.",
  };
}
