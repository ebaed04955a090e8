import type { SourcePage } from "../content/source-page.ts";
import type { Heading } from "../markdown/plugins/heading-ids.ts";
import type { SchemaNode, Tag } from "../openapi/model.ts";
import type { LinkOrigin } from "../markdown/link-origins.ts";
import type { SiteRenderer } from "../render/site-renderer.ts";
import { escapeHtml } from "./html.ts";
import { labelsForLanguage, type ReferenceLabels } from "./labels.ts";
import { descriptionHtml } from "./markdown-parts.ts";
import { anchoredHeading, methodHtml, operationHtml, operationTitle } from "./operation-html.ts";
import type { ReferenceContext } from "./reference-context.ts";
import { hrefTo } from "./reference-context.ts";
import { referencePartOf, type ReferencePart } from "./reference-pages.ts";
import { operationUrl, tagPageUrl } from "./reference-urls.ts";
import { schemaHtml } from "./schema-table.ts";
import { requirementsHtml, schemeDetailsHtml } from "./security-html.ts";

/** A reference page's content, its headings for "On this page", and where its descriptions' links are written. */
export interface ReferenceContent {
  html: string;
  headings: Heading[];
  links: LinkOrigin[];
}

/**
 * The content of a page that shows part of an element's API reference (src/reference/reference-pages.ts), made
 * from the reference instead of the page's body; undefined for every other page, and for a part the reference no
 * longer has.
 *
 * @param labels the words around the document's own; by default those of the page's language
 */
export function referenceContent(r: SiteRenderer, page: SourcePage, labels?: ReferenceLabels): ReferenceContent | undefined {
  const part = referencePartOf(page);
  return part && referencePartContent(r, page, part, labels);
}

export function referencePartContent(r: SiteRenderer, page: SourcePage, part: ReferencePart, labels?: ReferenceLabels): ReferenceContent | undefined {
  const reference = r.references.get(part.element);
  if (!reference) return undefined;
  const context: ReferenceContext = {
    reference,
    folder: part.element,
    baseurl: r.site.baseurl,
    labels: labels ?? labelsForLanguage(r.site, pageLanguage(page)),
    markdown: r.markdown,
    pageUrl: page.url,
    overviewUrl: part.overview,
    links: [],
  };
  const tag = part.tag === null ? undefined : reference.tags.find((t) => t.id === part.tag);
  const content = part.tag === null ? overviewContent(context) : tag && tagContent(context, tag);
  return content && { ...content, links: context.links };
}

/** `ko` for a page in a language folder of its element. */
function pageLanguage(page: SourcePage): string | undefined {
  const lang = (page as SourcePage & { lang?: unknown }).lang;
  return typeof lang === "string" ? lang : undefined;
}

/** A tag's page: its name and description, then each of its operations in full. */
function tagContent(context: ReferenceContext, tag: Tag): Omit<ReferenceContent, "links"> {
  const html = [
    `<h1>${escapeHtml(tag.name)}</h1>`,
    descriptionHtml(context, tag.description, "api-description api-lead"),
    operationList(context, tag),
    ...tag.operations.map((operation) => operationHtml(context, operation)),
  ].join("\n");
  const headings = tag.operations.map((operation) => ({ level: 2, text: operationTitle(operation), id: operation.id }));
  return { html: wrap(html), headings };
}

/**
 * The overview: what the API is, where it is served, how to authenticate, its operations by tag (each linking to
 * its page) and its named schemas, each under a heading that operations' tables link to.
 */
function overviewContent(context: ReferenceContext): Omit<ReferenceContent, "links"> {
  const { reference, labels } = context;
  const headings: Heading[] = [];
  const section = (id: string, text: string) => {
    headings.push({ level: 2, text, id });
    return anchoredHeading(2, id, text);
  };
  const parts = [
    `<h1>${escapeHtml(labels.apiReference)}</h1>`,
    `<p class="api-lead">${escapeHtml(reference.title)} <span class="api-version">${escapeHtml(labels.version)} ${escapeHtml(reference.version)}</span></p>`,
    descriptionHtml(context, reference.description),
  ];
  if (reference.servers.length) {
    parts.push(
      section("servers", labels.servers),
      `<ul class="api-servers">${reference.servers.map((s) => `<li><code>${escapeHtml(s.url)}</code>${s.description ? ` — ${escapeHtml(s.description)}` : ""}</li>`).join("")}</ul>`,
    );
  }
  if (reference.securitySchemes.length) {
    const describe = (text: string | undefined) => descriptionHtml(context, text);
    parts.push(
      section("authentication", labels.authentication),
      requirementsHtml(context, reference.security),
      `<dl class="api-schemes">${reference.securitySchemes.map((scheme) => schemeDetailsHtml(context, scheme, describe)).join("")}</dl>`,
    );
  }
  parts.push(section("operations", labels.operations));
  if (reference.tags.length === 0) parts.push(`<p>${escapeHtml(labels.noOperations)}</p>`);
  for (const tag of reference.tags) {
    parts.push(
      `<h3 id="${escapeHtml(tag.id)}"><a href="${escapeHtml(hrefTo(context, tagPageUrl(context.folder, tag)))}">${escapeHtml(tag.name)}</a></h3>`,
      descriptionHtml(context, tag.description),
      operationList(context, tag),
    );
  }
  if (reference.schemas.length) {
    parts.push(section("schemas", labels.schemas));
    for (const schema of reference.schemas) {
      headings.push({ level: 3, text: schema.name, id: schema.schemaId });
      parts.push(
        `<section class="api-schema-section" aria-labelledby="${escapeHtml(schema.schemaId)}">${anchoredHeading(3, schema.schemaId, schema.name)}`,
        descriptionHtml(context, schema.schema.description),
        // The table itself, not a link back to this heading.
        schemaHtml(context, unnamed(schema.schema)),
        `</section>`,
      );
    }
  }
  return { html: wrap(parts.join("\n")), headings };
}

/** A tag's operations as a list of links: method, path and summary. */
function operationList(context: ReferenceContext, tag: Tag): string {
  const items = tag.operations.map(
    (operation) =>
      // The method beside a block that wraps on its own: on a phone the summary goes under the path, not the badge.
      `<li><a href="${escapeHtml(hrefTo(context, operationUrl(context.folder, tag, operation)))}">${methodHtml(operation.method)}` +
      `<span class="api-operations__text"><code class="api-path">${escapeHtml(operation.path)}</code>` +
      (operation.summary ? ` <span class="api-operations__summary">${escapeHtml(operation.summary)}</span>` : "") +
      `</span></a></li>`,
  );
  return `<ul class="api-operations">${items.join("")}</ul>`;
}

/** A named schema as its own section shows it: the table itself, not a link back to the section's heading. */
function unnamed(node: SchemaNode): SchemaNode {
  if (node.kind === "ref") return node;
  const { name: _name, schemaId: _id, description: _description, ...inline } = node;
  return inline as SchemaNode;
}

function wrap(html: string): string {
  return `<div class="api-reference">\n${html}\n</div>`;
}
