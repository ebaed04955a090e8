import fs from "node:fs";
import path from "node:path";
import type { Diagnostic, DiagnosticList } from "../diagnostics/diagnostic.ts";

const SITE_VALUE = /^Undefined variable "(site\.(?!data\.)[^"]+)"$/;

/**
 * Without `_config.yml` every `{{ site.x }}` is undefined: one tree without it gave 58 errors, one per use. They
 * have one cause and one fix, so they become a single error at `_config.yml` naming the values it should define.
 */
export function foldMissingConfig(sourceDir: string, diagnostics: DiagnosticList): void {
  if (fs.existsSync(path.join(sourceDir, "_config.yml"))) return;
  const folded = diagnostics.items.filter((d) => d.code === "liquid-undefined-variable" && SITE_VALUE.test(d.message));
  if (folded.length === 0) return;
  const names = [...new Set(folded.map((d) => SITE_VALUE.exec(d.message)![1]))].sort();
  const files = new Set(folded.map((d) => d.chain?.[0]?.replace(/:\d+$/, "") ?? d.file));
  for (const d of folded) diagnostics.items.splice(diagnostics.items.indexOf(d), 1);
  const missing: Diagnostic = {
    file: "_config.yml",
    severity: folded.some((d) => d.severity === "error") ? "error" : "warning",
    code: "config-missing",
    message:
      `There is no _config.yml in ${sourceDir}, but ${files.size} ${files.size === 1 ? "page uses" : "pages use"} ` +
      `values it would define: ${names.slice(0, 5).join(", ")}${names.length > 5 ? ` and ${names.length - 5} more` : ""}.`,
    hint: "Is --source the site's root folder? It holds _config.yml next to docs/. If it is, create _config.yml with those keys.",
  };
  diagnostics.add(missing);
}
