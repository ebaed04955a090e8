/**
 * Layout names of Jekyll-era element portals, mapped to ours. Their pages name the old theme's layouts; with our
 * theme (the default, src/layouts/layout-choice.ts) each gets ours of the same kind.
 */
export const LEGACY_LAYOUTS: Readonly<Record<string, string>> = {
  // An element guide's pages, with the element's sidebar.
  sidebarelementdoc: "element",
  sidebarapidocs: "element",
  // The element catalog, as tiles.
  sidebarelementtile: "catalog",
  // Full-width pages without the element sidebar.
  "swagger-only": "page",
  sidebarleft: "page",
  docs: "page",
  default: "page",
  // Release notes: `_posts/` and their older single-page form.
  "release-note-item": "post",
  rn: "post",
  // The search page the old header's form sent readers to.
  searchresults: "search",
};

/**
 * In a layout's own front matter, `layout: default` named the old theme's outer page, which for us is `base`
 * (ours `page` would wrap the layout in a second article).
 */
const AS_PARENT: Readonly<Record<string, string>> = { default: "base" };

/** Where a page is written, and the element folder it belongs to: what picks ours for an unmapped name. */
export interface PagePlace {
  outputPath: string;
  elementFolder?: string;
}

/**
 * Ours standing in for a legacy name on a page. The site's home page and 404 page named the old theme's generic
 * layout too; ours have a layout made for each.
 */
export function legacyStandIn(name: string, page: PagePlace | undefined): string {
  if (page?.outputPath === "index.html") return "home";
  if (page?.outputPath === "404.html") return "not-found";
  return LEGACY_LAYOUTS[name] ?? (page?.elementFolder ? "element" : "page");
}

/** Ours standing in for a legacy name that a layout names as its parent. */
export function legacyParentStandIn(name: string): string | undefined {
  return AS_PARENT[name] ?? LEGACY_LAYOUTS[name];
}

export function isLegacyLayout(name: string): boolean {
  return Object.hasOwn(LEGACY_LAYOUTS, name);
}
