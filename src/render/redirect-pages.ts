import type { SourcePage } from "../content/source-page.ts";
import { redirectOutputPath, urlFor } from "../content/urls.ts";
import type { DiagnosticList } from "../diagnostics/diagnostic.ts";
import type { SiteOutput } from "./site-output.ts";

/** A small page at each `redirect_from` URL that sends the reader on, readable without JavaScript. */
export function redirectPages(
  pages: readonly SourcePage[],
  taken: ReadonlySet<string>,
  site: { url: string; baseurl: string },
  diagnostics: DiagnosticList,
): SiteOutput[] {
  const outputs: SiteOutput[] = [];
  const claimedBy = new Map<string, string>();
  for (const page of pages) {
    const from = page.data.redirect_from;
    if (from === undefined) continue;
    for (const entry of Array.isArray(from) ? from : [from]) {
      const outputPath = redirectOutputPath(String(entry));
      const clash = taken.has(outputPath) ? `the page ${outputPath}` : claimedBy.get(outputPath);
      if (clash) {
        diagnostics.add({
          file: page.file,
          line: page.keyLines.redirect_from,
          severity: "error",
          code: "redirect-conflict",
          message: `redirect_from "${String(entry)}" would overwrite ${clash}`,
          hint: "Remove this redirect_from entry, or the page that already lives at that URL.",
        });
        continue;
      }
      claimedBy.set(outputPath, `the redirect of ${page.file}`);
      outputs.push({ outputPath, url: urlFor(outputPath), html: redirectHtml(site.baseurl + page.url, site.url) });
    }
  }
  return outputs;
}

function redirectHtml(target: string, origin: string): string {
  const href = escapeAttribute(target);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Redirecting…</title>
<link rel="canonical" href="${escapeAttribute(origin + target)}">
<meta http-equiv="refresh" content="0; url=${href}">
<meta name="robots" content="noindex">
</head>
<body>
<p>This page has moved to <a href="${href}">${href}</a>.</p>
</body>
</html>
`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
