import type { SourcePage } from "../content/source-page.ts";
import type { ElementReferences } from "../openapi/element-references.ts";
import type { ApiReference } from "../openapi/model.ts";
import { isOldSwaggerPage } from "../render/legacy-swagger.ts";
import { ENGLISH_LABELS } from "./labels.ts";
import { overviewUrl, tagPageUrl } from "./reference-urls.ts";

/**
 * Which part of which element's reference a page shows; the page's `globals.api_reference`, which the render
 * reads (src/reference/reference-content.ts) instead of running the page's body through Liquid and Markdown:
 * an API description's text is Markdown, and `{{` in it is text, not Liquid.
 */
export interface ReferencePart {
  element: string;
  /** The tag's id (`tag-contacts`) for a tag's page; null for the overview. */
  tag: string | null;
  /** The URL of the element's overview, where the schemas are: `api-reference.html`, or its old API-docs page. */
  overview: string;
}

/** Front matter the generated pages take from the element's own pages: the back link and the element's name. */
const FROM_ELEMENT = ["heading", "breadcrumbs", "parent", "hub", "hdOrcrm", "elementKey", "elementId", "authType"];

/**
 * Adds the pages of every element's API reference to the site's pages: sidebar, layout, sitemap, search and checks
 * treat them like the guide pages beside them. An element's old API-docs page (`{% include swagger.html %}` only,
 * src/render/legacy-swagger.ts) is its overview, in the overview's place in the sidebar, so that its address keeps
 * working; `ownLayouts` (a tree that keeps its Jekyll theme, and so its Swagger UI) leaves it as it is. A page of
 * the tree at the address of a generated page wins: that part of the reference is not made.
 */
export function addReferencePages(pages: SourcePage[], references: ElementReferences, ownLayouts: boolean): void {
  const taken = new Set(pages.map((page) => page.outputPath));
  for (const [folder, reference] of references) {
    const own = pages.filter((page) => page.elementFolder === folder && page.lang === undefined);
    if (own.length === 0) continue; // an element is its guide pages; a document alone makes no element
    const shared = elementData(own);
    const name = typeof shared.heading === "string" ? shared.heading : folder;
    const legacy = ownLayouts ? undefined : own.find(isOldSwaggerPage);
    if (legacy) pages[pages.indexOf(legacy)] = { ...legacy, sidebarPlace: { rank: 0, nested: false } };
    const overview = legacy?.url ?? overviewUrl(folder);
    for (const [index, page] of pagesOf(folder, reference, name, overview).entries()) {
      if (taken.has(page.outputPath) || (legacy && index === 0)) continue;
      pages.push({ ...page, data: { ...shared, ...page.data }, sidebarPlace: { rank: index, nested: index > 0 } });
    }
  }
}

function pagesOf(folder: string, reference: ApiReference, elementName: string, overviewAt: string): SourcePage[] {
  const overview = page({ element: folder, tag: null, overview: overviewAt }, overviewUrl(folder), {
    title: ENGLISH_LABELS.apiReference,
    seo: `${ENGLISH_LABELS.apiReference} | ${elementName}`,
    description: `${ENGLISH_LABELS.apiReference} of ${elementName}: ${reference.title} ${reference.version}, ${operationCount(reference)} operations.`,
  });
  const tags = reference.tags.map((tag) =>
    page({ element: folder, tag: tag.id, overview: overviewAt }, tagPageUrl(folder, tag), {
      title: tag.name,
      seo: `${tag.name} | ${ENGLISH_LABELS.apiReference} | ${elementName}`,
      description: firstSentence(tag.description) ?? `${tag.name}: ${tag.operations.length} operations in the API reference of ${elementName}.`,
    }),
  );
  return [overview, ...tags];
}

function page(part: ReferencePart, url: string, data: Record<string, unknown>): SourcePage {
  const outputPath = url.slice(1);
  const file = outputPath.replace(/\.html$/, ".md");
  return {
    file,
    // Relative: the page has no file of its own, so nothing dates it, offers to edit it or checks its front matter.
    absPath: file,
    data: { ...data, layout: "api-reference" },
    body: "",
    url,
    outputPath,
    keyLines: {},
    elementFolder: part.element,
    globals: { api_reference: part },
  };
}

/** Front matter every page of the element shares, from its first page that says it (the overview first). */
function elementData(own: readonly SourcePage[]): Record<string, unknown> {
  const ordered = [...own].sort((a, b) => Number(!a.file.endsWith("/index.md")) - Number(!b.file.endsWith("/index.md")) || a.file.localeCompare(b.file));
  const data: Record<string, unknown> = {};
  for (const key of FROM_ELEMENT) {
    const found = ordered.find((page) => page.data[key] !== undefined);
    if (found) data[key] = found.data[key];
  }
  return data;
}

function operationCount(reference: ApiReference): number {
  return reference.tags.reduce((sum, tag) => sum + tag.operations.length, 0);
}

/** The first sentence of a description, as plain text, for `<meta name="description">`. */
function firstSentence(text: string | undefined): string | undefined {
  const plain = text?.replace(/[`*_#>[\]]|\(https?:[^)]*\)/g, "").replace(/\s+/g, " ").trim();
  if (!plain) return undefined;
  return /^.*?[.!?](?=\s|$)/.exec(plain)?.[0] ?? plain;
}

/** The part of a reference a page shows, or undefined for every other page. */
export function referencePartOf(page: SourcePage): ReferencePart | undefined {
  const part = page.globals?.api_reference as ReferencePart | undefined;
  return part && typeof part.element === "string" ? part : undefined;
}
