import type { Liquid } from "liquidjs";
import type { MarkdownIt } from "markdown-it";
import type { SiteConfig } from "../config/site-config.ts";
import type { Catalog } from "../elements/catalog.ts";
import type { ElementGuide } from "../elements/element-model.ts";
import type { LayoutSet } from "../layouts/layout-set.ts";
import type { PartialCache, PartialRoots } from "../liquid/partial-files.ts";
import type { ElementReferences } from "../openapi/element-references.ts";
import type { CodeHighlighter } from "../markdown/highlight/code-highlighter.ts";
import type { GitDates } from "../content/git-dates.ts";

/** Everything a page render needs, built once per build and shared by every page. */
export interface SiteRenderer {
  sourceDir: string;
  site: SiteConfig;
  liquid: Liquid;
  partials: PartialCache;
  roots: PartialRoots;
  markdown: MarkdownIt;
  highlighter: CodeHighlighter;
  layouts: LayoutSet;
  elements: ReadonlyMap<string, ElementGuide>;
  catalog: Catalog;
  /** Every front matter key used anywhere, for did-you-mean hints. */
  knownPageKeys: readonly string[];
  /** Last commit date per source file, for "Last updated". */
  gitDates: GitDates;
  /** Each element's API reference by element folder, for the operation tag and the check of marked examples. */
  references: ElementReferences;
}
