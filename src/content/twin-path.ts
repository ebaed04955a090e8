import type { SourcePage } from "./source-page.ts";

/**
 * Where a page's Markdown twin is written (src/agents/markdown-twin.ts): `authenticate.md` beside
 * `authenticate.html`, `guide/index.md` beside `guide/index.html`. Only a Markdown page written as HTML has one
 * (not `feed.xml`, not an `.html` page, whose source is HTML), and only when it has text of its own: a page that
 * its layout fills (a generated home page, an API reference page) would have an empty twin.
 */
export function twinOutputPath(page: Pick<SourcePage, "outputPath" | "markdown" | "body">): string | undefined {
  if (page.markdown === false || !page.outputPath.endsWith(".html") || page.body.trim() === "") return undefined;
  return `${page.outputPath.slice(0, -".html".length)}.md`;
}

/** The twin's site-absolute URL, without the base path; undefined for a page without one. */
export function twinUrl(page: Pick<SourcePage, "outputPath" | "markdown" | "body">): string | undefined {
  const outputPath = twinOutputPath(page);
  return outputPath === undefined ? undefined : `/${outputPath}`;
}
