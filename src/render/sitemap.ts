import type { SourcePage } from "../content/source-page.ts";
import type { SiteOutput } from "./site-output.ts";

/** `sitemap.xml` of the published pages, leaving out those with `sitemap: false`; URLs absolute from site.url. */
export function sitemap(pages: readonly SourcePage[], site: { url: string; baseurl: string }): SiteOutput {
  const entries = pages
    .filter((page) => page.data.sitemap !== false)
    .map((page) => `  <url><loc>${escapeXml(site.url + site.baseurl + page.url)}</loc></url>`)
    .sort();
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.join("\n")}
</urlset>
`;
  return { outputPath: "sitemap.xml", url: "/sitemap.xml", html: xml };
}

function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
