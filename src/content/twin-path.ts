import path from "node:path";
import { linkAddress } from "../text/url-escape.ts";
import type { SourcePage } from "./source-page.ts";

/**
 * Where a page's Markdown twin is written (src/agents/markdown-twin.ts): `authenticate.md` beside
 * `authenticate.html`, `guide/index.md` beside `guide/index.html`. Only a Markdown page written as HTML has one
 * (not `feed.xml`, not an `.html` page, whose source is HTML), of the tree (not the generated home page or
 * catalog), and only when it has text of its own: a page its layout fills (an API reference page) has none.
 */
export function twinOutputPath(page: Pick<SourcePage, "outputPath" | "markdown" | "body" | "absPath">): string | undefined {
  if (page.markdown === false || !page.outputPath.endsWith(".html") || page.body.trim() === "") return undefined;
  // Generated pages have no file of their own (src/render/home-page.ts, catalog-page.ts).
  if (!path.isAbsolute(page.absPath)) return undefined;
  return `${page.outputPath.slice(0, -".html".length)}.md`;
}

/** The twin's site-absolute URL, %-escaped as page URLs are (`c#-sdk.md` at `c%23-sdk.md`), without the base path; undefined for a page without one. */
export function twinUrl(page: Pick<SourcePage, "outputPath" | "markdown" | "body" | "absPath">): string | undefined {
  const outputPath = twinOutputPath(page);
  return outputPath === undefined ? undefined : linkAddress(`/${outputPath}`);
}
