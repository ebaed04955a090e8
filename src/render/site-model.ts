import type { SiteConfig } from "../config/site-config.ts";
import type { SourcePage } from "../content/source-page.ts";
import type { DiagnosticList } from "../diagnostics/diagnostic.ts";
import type { Catalog } from "../elements/catalog.ts";
import { buildElements, type ElementGuide } from "../elements/element-model.ts";
import { readHubList } from "../elements/hubs.ts";
import { siteCatalog } from "../elements/site-catalog.ts";
import { languagesOf } from "../i18n/site-languages.ts";
import type { ElementReferences } from "../openapi/element-references.ts";
import { readGitDates, type GitDates } from "../content/git-dates.ts";

/** What every page's render reads about the whole site; computed once per build, plain data for workers. */
export interface SiteModel {
  elements: Map<string, ElementGuide>;
  catalog: Catalog;
  /** Every front matter key used anywhere, for did-you-mean hints. */
  knownPageKeys: string[];
  /** Last commit date per source file (one `git log` for the tree); empty without git or a sourceDir. */
  gitDates: GitDates;
  /** Each element's API reference, read from its OpenAPI document (src/openapi/element-references.ts). */
  references: ElementReferences;
}

/** `diagnostics` receives the warning when the tree's git history cannot be read (every date is lost). */
export function buildSiteModel(
  pages: readonly SourcePage[],
  site: SiteConfig,
  diagnostics: DiagnosticList,
  sourceDir?: string,
  references: ElementReferences = new Map(),
): SiteModel {
  const elements = buildElements(pages, readHubList(site.data), languagesOf(site).default);
  const gitDates: GitDates = sourceDir ? readGitDates(sourceDir, diagnostics) : new Map();
  return {
    elements,
    catalog: siteCatalog(pages, elements, site.data, gitDates),
    knownPageKeys: [...new Set(pages.flatMap((p) => Object.keys(p.data)))].sort(),
    gitDates,
    references,
  };
}
