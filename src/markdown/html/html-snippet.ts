import { scanHtml } from "./html-scan.ts";
import { isLinkAttribute, LINK_ATTRIBUTE_NAMES } from "./link-attributes.ts";

export interface SnippetTag {
  name: string;
  /** Offset of the tag's `<` in the snippet. */
  offset: number;
}

export interface SnippetLink {
  tag: string;
  attribute: string;
  /** The attribute's value, decoded exactly as the scan of the written page decodes it, so that the two match. */
  value: string;
  /** Offset of the tag's `<` in the snippet. */
  offset: number;
}

/** The start tags and link attributes of a piece of raw HTML from the Markdown. */
export function scanHtmlSnippet(html: string): { tags: SnippetTag[]; links: SnippetLink[] } {
  const tags: SnippetTag[] = [];
  const links: SnippetLink[] = [];
  scanHtml(html, {
    attributes: LINK_ATTRIBUTE_NAMES,
    tag: (name, offset) => tags.push({ name, offset }),
    wants: isLinkAttribute,
    attribute: (tag, attribute, value, offset) => links.push({ tag, attribute, value, offset }),
  });
  return { tags, links };
}
