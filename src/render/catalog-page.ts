import type { SiteConfig } from "../config/site-config.ts";
import type { SourcePage } from "../content/source-page.ts";
import { redirectOutputPath } from "../content/urls.ts";
import { CATALOG_OUTPUT, CATALOG_URL } from "../elements/catalog.ts";

const TITLE = "Element Guides";

/**
 * The catalog of a tree that brings no `docs/elements.md`: our layouts link to it from every page, so it must
 * exist. It is made like the generated home page, with the `catalog` layout (a tree restyles it with its own
 * `_layouts/catalog.liquid`). Nothing is made when something of the tree already answers at that address: a
 * page, a static file, or a `redirect_from` (a catalog moved elsewhere keeps its old address that way).
 */
export function missingCatalogPage(pages: readonly SourcePage[], staticFiles: readonly string[], site: SiteConfig): SourcePage | undefined {
  if (pages.some((page) => page.outputPath === CATALOG_OUTPUT) || staticFiles.includes(CATALOG_OUTPUT)) return undefined;
  if (pages.some((page) => redirectsFrom(page).some((entry) => redirectOutputPath(entry) === CATALOG_OUTPUT))) return undefined;
  return {
    file: "docs/elements.md",
    absPath: "docs/elements.md",
    data: {
      title: TITLE,
      ...(site.title && site.title !== TITLE ? { seo: `${TITLE} | ${site.title}` } : {}),
      description: `Every element guide of ${site.title || "this site"}.`,
      layout: "catalog",
    },
    body: `# ${TITLE}\n`,
    url: CATALOG_URL,
    outputPath: CATALOG_OUTPUT,
    keyLines: {},
  };
}

function redirectsFrom(page: SourcePage): string[] {
  const from = page.data.redirect_from;
  if (from === undefined || from === null) return [];
  return (Array.isArray(from) ? from : [from]).map(String);
}
