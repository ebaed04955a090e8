import type { MarkdownIt } from "markdown-it";
import type { ApiReference } from "../openapi/model.ts";
import type { LinkOrigin } from "../markdown/link-origins.ts";
import type { ReferenceLabels } from "./labels.ts";

/** What every part of one reference page is written with. */
export interface ReferenceContext {
  reference: ApiReference;
  /** The element folder, for the pages' addresses. */
  folder: string;
  /** The site's path prefix (`/guides`), or "". */
  baseurl: string;
  labels: ReferenceLabels;
  /** The site's Markdown (with Shiki), for descriptions and examples: they read as in the guides. */
  markdown: MarkdownIt;
  /** The URL of the page being written, without the base path: links to its own headings stay `#id`. */
  pageUrl: string;
  /** The URL of the element's overview, where the schemas are. */
  overviewUrl: string;
  /** The links of the descriptions written so far, at their lines in the document, for the link check. */
  links: LinkOrigin[];
}

/** A link to `url` (a site path with an optional `#id`), written as `#id` when it is on the page being written. */
export function hrefTo(context: ReferenceContext, url: string): string {
  const [path, id] = url.split("#");
  if (id !== undefined && path === context.pageUrl) return `#${id}`;
  return context.baseurl + url;
}
