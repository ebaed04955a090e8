import type { Operation, Tag } from "../openapi/model.ts";

/**
 * Where an element's API reference is published, without the site's base path: the overview (servers,
 * authentication, the operations by tag, the schemas) at `api-reference.html` beside the element's guide pages,
 * and one page per tag under `api-reference/`. Guides link to these addresses, so they are stable: they change
 * only when a tag, an operationId or a schema is renamed in the document.
 */
export function overviewUrl(folder: string): string {
  return `/docs/elements/${folder}/api-reference.html`;
}

/** `tag-contacts` → `/docs/elements/acme/api-reference/contacts.html`. */
export function tagPageUrl(folder: string, tag: Pick<Tag, "id">): string {
  return `/docs/elements/${folder}/api-reference/${tag.id.replace(/^tag-/, "")}.html`;
}

/** An operation's heading on its tag's page. */
export function operationUrl(folder: string, tag: Pick<Tag, "id">, operation: Pick<Operation, "id">): string {
  return `${tagPageUrl(folder, tag)}#${operation.id}`;
}
