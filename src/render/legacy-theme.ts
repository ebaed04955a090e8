import type { SiteConfig } from "../config/site-config.ts";
import type { SourcePage } from "../content/source-page.ts";
import type { DiagnosticList } from "../diagnostics/diagnostic.ts";
import { layoutChoice, layoutChoiceProblem } from "../layouts/layout-choice.ts";
import { unusedLayoutsNote } from "../layouts/unused-layouts-note.ts";
import { legacySwaggerReport, showsOnlyOldSwaggerUi } from "./legacy-swagger.ts";

/**
 * What a build says once about a tree's old Jekyll theme, before its pages render: a mistaken
 * `element_guides.layouts`, the old Swagger-only pages as one group, and the info line naming the unused layouts
 * (returned, for the CLI to print; it is not a diagnostic, so it never fails a build).
 */
export function legacyThemeNotes(
  sourceDir: string,
  site: SiteConfig,
  pages: readonly SourcePage[],
  diagnostics: DiagnosticList,
  hasReference: (element: string) => boolean,
): string[] {
  const problem = layoutChoiceProblem(sourceDir, site);
  if (problem) diagnostics.add(problem);
  if (layoutChoice(site) === "own") return [];
  const swagger = legacySwaggerReport(pages.filter((page) => showsOnlyOldSwaggerUi(page, hasReference)));
  if (swagger) diagnostics.add(swagger);
  const note = unusedLayoutsNote(sourceDir, pages);
  return note ? [note] : [];
}
