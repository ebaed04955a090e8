import path from "node:path";
import type { SourcePage } from "../../content/source-page.ts";
import { twinUrl } from "../../content/twin-path.ts";
import type { ElementGuide } from "../../elements/element-model.ts";
import type { Heading } from "../../markdown/plugins/heading-ids.ts";
import { formatDate, type UiLabels } from "../../i18n/ui-labels.ts";
import { breadcrumbTrail, type Crumb } from "./breadcrumb-trail.ts";
import { editUrl } from "./edit-link.ts";
import type { GitDates } from "../../content/git-dates.ts";
import { languageVariables, type LanguageVariables } from "./language-variables.ts";
import { pageNav, type PageNav } from "./page-nav.ts";
import { tableOfContents, type TocEntry } from "./table-of-contents.ts";

/**
 * What layouts read about a page besides `page`, `site`, `element` and `catalog`; with its language, the
 * language's words (`i18n`) and the page's other language versions (`alternates`).
 */
export interface ReaderVariables extends LanguageVariables {
  /** h2 and h3 headings for "On this page". */
  toc: TocEntry[];
  /** Element Guides › hub › element › page; empty outside element guides. */
  breadcrumb_trail: Crumb[];
  /** When the page's text last changed in git; null when git cannot tell. */
  last_updated: { datetime: string; text: string } | null;
  /** "Edit this page" address; null unless `site.repository` is set. */
  edit_url: string | null;
  /** Previous and next page of the element guide. */
  page_nav: PageNav;
  /** The page's Markdown twin (src/agents/markdown-twin.ts), for "Copy as Markdown"; null when it has none. */
  markdown_url: string | null;
}

export interface ReaderInput {
  page: SourcePage;
  /** The element guide as the page's language shows it (its translation, for a page in a language folder). */
  element: ElementGuide | null;
  headings: readonly Heading[];
  site: Record<string, unknown>;
  sourceDir: string;
  gitDates: GitDates;
  /** Partials the page's body pulled in (absolute paths): their changes are changes of the page's text. */
  includes: Iterable<string>;
}

export function readerVariables(input: ReaderInput): ReaderVariables {
  const { page } = input;
  // Generated pages (the default home page, 404) have no file of their own to date or edit.
  const hasSource = path.isAbsolute(page.absPath);
  const title = typeof page.data.title === "string" ? page.data.title : (input.element?.name ?? "");
  const language = languageVariables(page, input.element, input.site);
  return {
    ...language,
    toc: tableOfContents(input.headings),
    breadcrumb_trail: breadcrumbTrail(input.element, title, language.i18n.element_guides),
    last_updated: hasSource ? lastUpdated(input, language.i18n) : null,
    edit_url: hasSource ? editUrl(input.site, page.file) : null,
    page_nav: pageNav(input.element, page.url),
    markdown_url: twinUrl(page) ?? null,
  };
}

function lastUpdated({ page, sourceDir, gitDates, includes }: ReaderInput, labels: UiLabels): ReaderVariables["last_updated"] {
  let latest = gitDates.get(page.file);
  for (const file of includes) {
    const date = gitDates.get(path.relative(sourceDir, file).split(path.sep).join("/"));
    if (date && (!latest || date > latest)) latest = date;
  }
  return latest ? { datetime: latest, text: formatDate(latest, labels) } : null;
}

/** "2024-03-07" -> "March 7, 2024", spelled out from the labels so the page never depends on the build machine's locale. */
export { formatDate };
