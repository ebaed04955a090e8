import type { SourcePage } from "../content/source-page.ts";
import type { ElementReferences } from "../openapi/element-references.ts";
import type { ApiReference } from "../openapi/model.ts";
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
}

/** Front matter the generated pages take from the element's own pages: the back link and the element's name. */
const FROM_ELEMENT = ["heading", "breadcrumbs", "parent", "hub", "hdOrcrm", "elementKey", "elementId", "authType"];

/**
 * The pages of every element's API reference, as pages of the site: sidebar, layout, sitemap, search and checks
 * treat them like the guide pages beside them. A page of the tree at one of their addresses wins: that part of
 * the reference is not made.
 */
export function referencePages(pages: readonly SourcePage[], references: ElementReferences): SourcePage[] {
  const taken = new Set(pages.map((page) => page.outputPath));
  const made: SourcePage[] = [];
  for (const [folder, reference] of references) {
    const own = pages.filter((page) => page.elementFolder === folder && page.lang === undefined);
    if (own.length === 0) continue; // an element is its guide pages; a document alone makes no element
    const shared = elementData(own);
    const name = typeof shared.heading === "string" ? shared.heading : folder;
    for (const [rank, page] of pagesOf(folder, reference, name).entries()) {
      if (taken.has(page.outputPath)) continue;
      made.push({ ...page, data: { ...shared, ...page.data }, sidebarPlace: { rank, nested: rank > 0 } });
    }
  }
  return made;
}

function pagesOf(folder: string, reference: ApiReference, elementName: string): SourcePage[] {
  const overview = page(folder, null, overviewUrl(folder), {
    title: ENGLISH_LABELS.apiReference,
    seo: `${ENGLISH_LABELS.apiReference} | ${elementName}`,
    description: `${ENGLISH_LABELS.apiReference} of ${elementName}: ${reference.title} ${reference.version}, ${operationCount(reference)} operations.`,
  });
  const tags = reference.tags.map((tag) =>
    page(folder, tag.id, tagPageUrl(folder, tag), {
      title: tag.name,
      seo: `${tag.name} | ${ENGLISH_LABELS.apiReference} | ${elementName}`,
      description: firstSentence(tag.description) ?? `${tag.name}: ${tag.operations.length} operations of the ${elementName} API.`,
    }),
  );
  return [overview, ...tags];
}

function page(element: string, tag: string | null, url: string, data: Record<string, unknown>): SourcePage {
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
    elementFolder: element,
    globals: { api_reference: { element, tag } satisfies ReferencePart },
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
