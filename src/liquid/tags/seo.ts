import { Tag, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken } from "liquidjs";
import { escapeOnce } from "../../text/escape-html.ts";
import { oneLinePlainText as plain, scalarText as text } from "../../text/plain-text.ts";
import { normalizedUrl } from "../../text/url-escape.ts";

type Values = Record<string, unknown>;

/**
 * `{% seo %}` of jekyll-seo-tag, which the `<head>` of nearly every Jekyll theme holds: the page's `<title>`, its
 * description, canonical link, and Open Graph and Twitter card tags, read from the page and the site as the plugin
 * reads them (a page's `seo:`, the element guides' full title, first). `{% seo title=false %}` leaves the title out.
 * Without it, a legacy theme's layouts (`layouts: own`) failed on every page.
 */
export class SeoTag extends Tag {
  private readonly withTitle: boolean;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    this.withTitle = !/\btitle\s*=\s*false\b/.test(token.args);
  }

  render(ctx: Context, emitter: Emitter): void {
    emitter.write(seoTags(valuesOf(ctx, "page"), valuesOf(ctx, "site"), this.withTitle));
  }
}

function valuesOf(ctx: Context, name: string): Values {
  const value = (ctx.environments as Values)[name];
  return typeof value === "object" && value !== null ? (value as Values) : {};
}

/** The tags jekyll-seo-tag writes, those a static site can fill. */
export function seoTags(page: Values, site: Values, withTitle = true): string {
  // Titles as the plugin writes them: without tags, on one line.
  const siteTitle = plain(text(site.title) || text(site.name));
  const pageTitle = plain(text(page.title)) || siteTitle;
  const tagline = text(site.tagline) || text(site.description);
  // As the plugin builds it: the page's title and the site's; a page without its own title (the home page, most
  // often) shows the site's title and tagline.
  const title =
    plain(text(page.seo)) ||
    (siteTitle && pageTitle !== siteTitle ? `${pageTitle} | ${siteTitle}` : "") ||
    (siteTitle && tagline ? `${siteTitle} | ${tagline}` : "") ||
    pageTitle;
  const description = plain(text(page.description) || text(page.excerpt) || text(site.description));
  // A folder's index page is canonical at the folder: `/docs/`, not `/docs/index.html`.
  const canonical = text(page.canonical_url) || `${text(site.url)}${normalizedUrl(`${text(site.baseurl)}${text(page.url)}`)}`.replace(/\/index\.html$/, "/");
  const locale = (text(page.lang) || text(site.lang) || "en_US").replace(/-/g, "_");
  const tags = [
    withTitle && title ? `<title>${escapeOnce(title)}</title>` : "",
    `<meta property="og:title" content="${escapeOnce(pageTitle)}" />`,
    `<meta property="og:locale" content="${escapeOnce(locale)}" />`,
    description ? `<meta name="description" content="${escapeOnce(description)}" />` : "",
    description ? `<meta property="og:description" content="${escapeOnce(description)}" />` : "",
    canonical ? `<link rel="canonical" href="${escapeOnce(canonical)}" />` : "",
    canonical ? `<meta property="og:url" content="${escapeOnce(canonical)}" />` : "",
    siteTitle ? `<meta property="og:site_name" content="${escapeOnce(siteTitle)}" />` : "",
    `<meta property="og:type" content="${page.date ? "article" : "website"}" />`,
    `<meta name="twitter:card" content="summary" />`,
    `<meta property="twitter:title" content="${escapeOnce(pageTitle)}" />`,
  ];
  return `<!-- Begin Jekyll SEO tag -->\n${tags.filter(Boolean).join("\n")}\n<!-- End Jekyll SEO tag -->\n`;
}

