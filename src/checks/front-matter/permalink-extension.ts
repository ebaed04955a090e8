import path from "node:path";
import type { SourcePage } from "../../content/source-page.ts";
import { sitePathOf } from "../../content/urls.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";

/**
 * A permalink that does not end in the page's own extension: as Jekyll does, the page is written with that
 * extension added, where a static host does not look. `/docs/page.htm` on a Markdown page goes to
 * `docs/page.htm.html`, `/feed` on `feed.xml` to `feed.xml`. A permalink with no extension is fine for a page of
 * HTML: hosts such as GitHub Pages serve `/x` from `x.html` (and the link check takes it so).
 */
export function permalinkExtensionProblem(page: SourcePage): Diagnostic | undefined {
  if (typeof page.data.permalink !== "string" || page.url.endsWith("/")) return undefined;
  const urlPath = sitePathOf(page.url);
  if (urlPath === undefined) return undefined;
  const extension = path.posix.extname(urlPath);
  const own = path.posix.extname(page.outputPath);
  if (urlPath === page.outputPath || (extension === "" && own === ".html" && page.outputPath === `${urlPath}.html`)) return undefined;
  const stem = page.url.slice(0, page.url.length - extension.length);
  return {
    file: page.file,
    line: page.keyLines.permalink ?? 1,
    severity: "warning",
    code: "front-matter-permalink",
    message: `permalink ${page.url} does not end in ${own}: the page is written to ${page.outputPath}, as Jekyll writes it, and a static host will not find it at ${page.url}`,
    hint:
      own === ".html"
        ? `End the permalink with .html (${stem}.html), with / for a folder URL, or with no extension (${stem}).`
        : `End the permalink with ${own} (${stem}${own}).`,
  };
}
