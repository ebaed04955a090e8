import type { SourcePage } from "../content/source-page.ts";
import { siteAlternates } from "../elements/element-model.ts";
import { languagesOf } from "../i18n/site-languages.ts";
import type { SiteOutput } from "./site-output.ts";
import { redirectTarget } from "../content/redirect-target.ts";
import { normalizedUrl } from "../text/url-escape.ts";

/**
 * `sitemap.xml` of the published pages, leaving out those with `sitemap: false` or `redirect_to:`; URLs absolute from site.url.
 * A page with versions in other languages lists them all (and x-default, the default language's), as search
 * engines read them from sitemaps: `<xhtml:link rel="alternate" hreflang="ko" href="…"/>`.
 */
export function sitemap(pages: readonly SourcePage[], site: { url: string; baseurl: string; [key: string]: unknown }): SiteOutput {
  // As jekyll-sitemap writes them, through absolute_url: `/docs/über uns/` (a permalink) -> `/docs/%C3%BCber%20uns/`.
  const absolute = (url: string) => escapeXml(site.url + normalizedUrl(site.baseurl + url));
  const alternates = siteAlternates(pages, languagesOf(site).default);
  const entries = pages
    // A redirect_to page only sends readers on, and says noindex.
    .filter((page) => page.data.sitemap !== false && redirectTarget(page) === undefined)
    .map((page) => {
      const versions = alternates.get(page.url);
      if (!versions) return `  <url><loc>${absolute(page.url)}</loc></url>`;
      const links = [...versions, { lang: "x-default", url: versions[0].url }].map(
        (version) => `<xhtml:link rel="alternate" hreflang="${version.lang}" href="${absolute(version.url)}"/>`,
      );
      return `  <url><loc>${absolute(page.url)}</loc>${links.join("")}</url>`;
    })
    .sort();
  // The xhtml namespace only where it is used: a site in one language keeps the plain sitemap.
  const namespaces = alternates.size ? ' xmlns:xhtml="http://www.w3.org/1999/xhtml"' : "";
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${namespaces}>
${entries.join("\n")}
</urlset>
`;
  return { outputPath: "sitemap.xml", url: "/sitemap.xml", html: xml };
}

function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
