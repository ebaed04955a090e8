import path from "node:path";
import type { SourcePage } from "../../content/source-page.ts";
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";

/**
 * A permalink with an extension other than the page's own (`/docs/page.htm` on a Markdown page): as Jekyll does,
 * the page is written with its extension added (`docs/page.htm.html`), where a static host does not look for
 * `/docs/page.htm`. A permalink with no extension is fine: hosts such as GitHub Pages serve `/x` from `x.html`.
 */
export function permalinkExtensionProblem(page: SourcePage): Diagnostic | undefined {
  if (typeof page.data.permalink !== "string" || page.url.endsWith("/")) return undefined;
  let urlPath: string;
  try {
    urlPath = decodeURIComponent(page.url).replace(/^\/+/, "");
  } catch {
    return undefined;
  }
  const extension = path.posix.extname(urlPath);
  if (extension === "" || urlPath === page.outputPath) return undefined;
  const own = path.posix.extname(page.outputPath);
  const stem = page.url.slice(0, page.url.length - extension.length);
  return {
    file: page.file,
    line: page.keyLines.permalink ?? 1,
    severity: "warning",
    code: "front-matter-permalink",
    message: `permalink ${page.url} does not end in ${own}: the page is written to ${page.outputPath}, as Jekyll writes it, and a static host will not find it at ${page.url}`,
    hint: `End the permalink with ${own} (${stem}${own}), with / for a folder URL, or with no extension (${stem}).`,
  };
}
