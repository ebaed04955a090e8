import type { DiagnosticList } from "../diagnostics/diagnostic.ts";
import { formatHuman } from "../diagnostics/format-human.ts";

/** Errors and warnings go to stderr, in a stable order, ending with the summary line. */
export function printDiagnostics(diagnostics: DiagnosticList, stream: NodeJS.WritableStream = process.stderr): void {
  stream.write(formatHuman(diagnostics.sorted()) + "\n");
}
