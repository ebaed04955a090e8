import type { SourcePage } from "../content/source-page.ts";
import { shortened, unusableUrl } from "../content/unusable-url.ts";
import { redirectOutputPath, sanitizeUrl } from "../content/urls.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { withBase } from "../markdown/plugins/link-policy.ts";
import { CONTENT_SECURITY_POLICY_META_TAG } from "./content-security-policy.ts";
import type { SiteOutput } from "./site-output.ts";
import { redirectTarget } from "../content/redirect-target.ts";
import { REDIRECT_PATH } from "../schema/site-path.ts";

/** A redirect page, with the front matter entry that asked for it (for reports of two sources for one URL). */
export interface RedirectPage extends SiteOutput {
  from: { file: string; line: number | undefined; entry: string };
}

/**
 * A small page at each `redirect_from` URL that sends the reader on, readable without JavaScript. A URL that
 * something else writes too is reported by src/checks/output-collisions.ts, which also decides what is kept.
 */
export function redirectPages(
  pages: readonly SourcePage[],
  site: { url: string; baseurl: string },
  report: (diagnostic: Diagnostic) => void,
): RedirectPage[] {
  const outputs: RedirectPage[] = [];
  for (const page of pages) {
    const from = page.data.redirect_from;
    if (from === undefined) continue;
    for (const entry of Array.isArray(from) ? from : [from]) {
      // Not a path at all (`/old#part`, `https://…`): the front matter check reports it, once.
      if (typeof entry !== "string" || !REDIRECT_PATH.test(entry)) continue;
      const outputPath = redirectOutputPath(String(entry));
      // The URL as written, as jekyll-redirect-from gives it: `/old/home` is a URL of the site (written to old/home.html).
      const url = sanitizeUrl(String(entry).trim());
      const unusable = unusableUrl(url, outputPath);
      if (unusable !== undefined) {
        report({
          file: page.file,
          line: page.keyLines.redirect_from ?? 1,
          severity: "error",
          code: "permalink-unusable",
          message: `redirect_from ${shortened(url)} cannot be written or served: ${unusable}; no redirect is written for it`,
          hint: "Write the old URL as a plain path of the site, such as /docs/old-name.html.",
        });
        continue;
      }
      outputs.push({
        outputPath,
        url,
        html: redirectHtml(site.baseurl + page.url, site.url + site.baseurl + page.url),
        from: { file: page.file, line: page.keyLines.redirect_from, entry: String(entry) },
      });
    }
  }
  return outputs;
}

/** jekyll-redirect-from's `redirect_to:`: a page that sends the reader to another site or page instead of its own text. */
export function redirectTo(page: SourcePage, site: { url: string; baseurl: string }): { html: string; urls: string[] } | undefined {
  const target = redirectTarget(page);
  if (target === undefined) return undefined;
  // A path of this site is under its base path, as a link in content is (src/markdown/plugins/link-policy.ts).
  const internal = target.startsWith("/") && !target.startsWith("//");
  const href = internal ? withBase(target, site.baseurl) : target;
  const canonical = internal ? site.url + href : target;
  return { html: redirectHtml(href, canonical), urls: [href, canonical] };
}

/** The redirect page: a refresh, a canonical link and a link for the reader, all to `target`. */
function redirectHtml(target: string, canonical: string): string {
  const href = escapeAttribute(target);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
${CONTENT_SECURITY_POLICY_META_TAG}
<title>Redirecting…</title>
<link rel="canonical" href="${escapeAttribute(canonical)}">
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
