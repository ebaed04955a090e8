import type { Diagnostic } from "./diagnostic.ts";
import { includedFromLines } from "./included-from.ts";

/**
 * GitHub Actions workflow commands, one per diagnostic: `::error file=…,line=…,col=…,title=…::message`.
 * GitHub shows each as an annotation on the file and line of the pull request; a problem in an include that
 * several pages use is one annotation listing them.
 * `pathOf` turns the source-relative file into a path relative to the repository checkout.
 */
export function formatGithub(diagnostics: Diagnostic[], pathOf: (file: string) => string = (f) => f): string {
  return diagnostics
    .map((d) => {
      const properties = [`file=${escapeProperty(pathOf(d.file))}`];
      if (d.line) properties.push(`line=${d.line}`);
      if (d.line && d.column) properties.push(`col=${d.column}`);
      properties.push(`title=${escapeProperty(d.baselined ? `${d.code} (baselined)` : d.code)}`);
      const details = [d.message];
      details.push(...includedFromLines(d));
      if (d.hint) details.push(`hint: ${d.hint}`);
      return `::${d.severity} ${properties.join(",")}::${escapeData(details.join("\n"))}`;
    })
    .join("\n");
}

// The escapes of GitHub's toolkit (actions/toolkit, packages/core/src/command.ts).
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
