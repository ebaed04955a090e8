import type { SourcePage } from "../content/source-page.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { ReferencePart } from "../reference/reference-pages.ts";
import type { SiteRenderer } from "./site-renderer.ts";

/**
 * Jekyll-era API-docs pages held nothing but `{% include swagger.html %}`: the old theme's Swagger UI fetched the
 * element's API description from a live server when a reader opened the page. Rendered with our theme, such a page
 * shows the element's API reference when the element has an OpenAPI document (src/reference/), and otherwise a
 * notice; the build reports the pages left with the notice once, as one group.
 */
const SWAGGER_LAYOUTS: ReadonlySet<string> = new Set(["sidebarapidocs", "swagger-only"]);
const SWAGGER_INCLUDE = /{%-?\s*include\s+swagger\.html\s*-?%}/;
const ONLY_SWAGGER_INCLUDE = new RegExp(String.raw`^\s*${SWAGGER_INCLUDE.source}\s*$`);
/** How many of the pages the grouped report names. */
const NAMED = 3;

/** True for an old API-docs page: one of the old theme's API-docs layouts, and the Swagger UI include alone. */
export function isOldSwaggerPage(page: SourcePage): boolean {
  return SWAGGER_LAYOUTS.has(String(page.data.layout)) && ONLY_SWAGGER_INCLUDE.test(page.body);
}

/** True for an old API-docs page of an element without an API reference: it can only show the notice. */
export function showsOnlyOldSwaggerUi(page: SourcePage, hasReference: (element: string) => boolean): boolean {
  if (!isOldSwaggerPage(page)) return false;
  const folder = elementFolderOf(page.file);
  return !folder || !hasReference(folder);
}

/** The element folder a page lies in, its `ko/` pages included: `docs/elements/<folder>/…`. */
export function elementFolderOf(file: string): string | undefined {
  return /^docs\/elements\/([^/]+)\//.exec(file)?.[1];
}

/**
 * The page as it is rendered: with our theme, an old API-docs page shows its element's API reference (the
 * overview: servers, authentication, the operations by tag, the schemas), in the page's language, or the notice
 * when the element has none. A tree that uses its own layouts keeps its Swagger UI include, as Jekyll rendered it.
 */
export function pageToRender(r: SiteRenderer, page: SourcePage): SourcePage {
  if (r.layouts.choice === "own" || !isOldSwaggerPage(page)) return page;
  const folder = elementFolderOf(page.file);
  if (folder && r.references.has(folder)) {
    const part: ReferencePart = { element: folder, tag: null, overview: page.url };
    // The content comes from the reference (src/reference/reference-content.ts); the layout adds its stylesheet.
    return { ...page, body: "", data: { ...page.data, layout: "api-reference" }, globals: { ...page.globals, api_reference: part } };
  }
  const heading = typeof page.data.heading === "string" ? page.data.heading : undefined;
  const name = (folder && r.elements.get(folder)?.name) || heading;
  return withApiReferenceNotice(page, name, r.markdown.utils.escapeHtml);
}

/** The page with the include replaced by a notice for readers; lines stay where they were for line numbers. */
export function withApiReferenceNotice(page: SourcePage, elementName: string | undefined, escapeHtml: (text: string) => string): SourcePage {
  const subject = elementName ? escapeHtml(elementName) : "this element";
  const notice =
    `<div class="alert alert-info api-reference-notice" role="note"><p>The API reference for ${subject} is not part of ` +
    "this site yet. Its old page loaded the Swagger UI from a live server.</p></div>";
  return { ...page, body: page.body.replace(SWAGGER_INCLUDE, notice) };
}

/** One warning for all such pages (a portal has hundreds), naming the first few; none when there are none. */
export function legacySwaggerReport(pages: readonly SourcePage[]): Diagnostic | undefined {
  if (pages.length === 0) return undefined;
  const files = pages.map((page) => page.file).sort();
  const first = pages.find((page) => page.file === files[0]) as SourcePage;
  const more = files.length - NAMED;
  const named = files.slice(0, NAMED).join(", ") + (more > 0 ? ` and ${more} more` : "");
  const count = files.length === 1 ? "1 API-docs page only loads" : `${files.length.toLocaleString("en-US")} API-docs pages only load`;
  return {
    file: first.file,
    line: lineOf(first.body, SWAGGER_INCLUDE),
    severity: "warning",
    code: "legacy-swagger-page",
    message: `${count} the old Swagger UI and show a notice instead: ${named}`,
    hint:
      "Add the element's API description as docs/elements/<element>/openapi.yaml (or swagger.json) and the page " +
      "shows its API reference; until then readers see that the API reference is not part of this site yet.",
  };
}

function lineOf(text: string, pattern: RegExp): number | undefined {
  const at = pattern.exec(text)?.index;
  return at === undefined ? undefined : text.slice(0, at).split("\n").length;
}
