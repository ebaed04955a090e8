import type { SourcePage } from "../content/source-page.ts";
import { CATALOG_OUTPUT } from "./catalog.ts";

const ELEMENT_FOLDER = /^\/docs\/elements\/([^/]+)(?:\/|$)/;
/** `{{ site.baseurl }}` and the like before a path, as Jekyll-era pages write links. */
const LIQUID_PREFIX = /^\s*\{\{[^}]*\}\}/;

/**
 * Each element's logo, as a site path, by folder: its pages' front matter `logo:` (the Overview's first), else the
 * image of its tile in the old catalog page (`[![Acme](/img/acme.png)](acme/)` or `<a href="acme/"><img src=…></a>`).
 * A relative path is read from the page that gives it. Images on other hosts are left out: the site's
 * Content-Security-Policy would block them.
 */
export function elementLogos(pages: readonly SourcePage[], overviews: ReadonlyMap<string, string>): Map<string, string> {
  const logos = new Map<string, string>();
  const catalog = pages.find((page) => page.outputPath === CATALOG_OUTPUT);
  if (catalog) for (const [folder, logo] of tileImages(catalog)) logos.set(folder, logo);
  const byFrontMatter = new Map<string, string>();
  for (const page of pages) {
    const logo = typeof page.data.logo === "string" ? sitePath(page.data.logo, page.url) : undefined;
    if (!page.elementFolder || !logo) continue;
    if (!byFrontMatter.has(page.elementFolder) || overviews.get(page.elementFolder) === page.url) byFrontMatter.set(page.elementFolder, logo);
  }
  for (const [folder, logo] of byFrontMatter) logos.set(folder, logo);
  return logos;
}

/** The image inside each link to an element folder on the old tile-list catalog page. */
function tileImages(catalog: SourcePage): Map<string, string> {
  const found = new Map<string, string>();
  const add = (href: string, src: string) => {
    const folder = ELEMENT_FOLDER.exec(sitePath(href, catalog.url) ?? "")?.[1];
    const image = sitePath(src, catalog.url);
    if (folder && image && !found.has(folder)) found.set(folder, image);
  };
  for (const [, src, href] of catalog.body.matchAll(/\[!\[[^\]]*\]\(\s*([^)\s]+)[^)]*\)\]\(\s*([^)\s]+)[^)]*\)/g)) add(href, src);
  for (const [, href, inside] of catalog.body.matchAll(/<a\s[^>]*?href\s*=\s*["']([^"']+)["'][^>]*>([\s\S]*?)<\/a>/gi)) {
    const src = /<img\s[^>]*?src\s*=\s*["']([^"']+)["']/i.exec(inside)?.[1];
    if (src) add(href, src);
  }
  return found;
}

/** `logo.png` on /docs/elements/acme/index.html -> `/docs/elements/acme/logo.png`; undefined for another host. */
function sitePath(written: string, pageUrl: string): string | undefined {
  const value = written.replace(LIQUID_PREFIX, "").trim();
  if (!value || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(value)) return undefined;
  return new URL(value, `http://site${pageUrl}`).pathname;
}
