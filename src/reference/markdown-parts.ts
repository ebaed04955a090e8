import { fencedCode } from "../markdown/fenced-code.ts";
import { scanHtmlSnippet } from "../markdown/html/html-snippet.ts";
import type { ReferenceContext } from "./reference-context.ts";

/** What a description's render may report: nothing, since an API description is not a page of the guides. */
const QUIET_ENV = () => ({ file: "", report: () => {} });

/**
 * A description from the document, rendered as the guides' Markdown is. Its headings lose their ids and "#"
 * links: the reference's own headings are the ones to link to, and two descriptions must not give one id twice.
 */
export function descriptionHtml(context: ReferenceContext, text: string | undefined, className = "api-description"): string {
  if (!text?.trim()) return "";
  const html = context.markdown
    .render(text, QUIET_ENV())
    .replace(/<div class="heading-wrap">(<h[1-6])\s+id="[^"]*"/g, "$1")
    .replace(/<a class="heading-anchor"[^>]*><\/a><\/div>/g, "")
    .replace(/(<h[1-6])\s+id="[^"]*"/g, "$1");
  noteLinks(context, text, html);
  return `<div class="${className}">${html}</div>`;
}

/**
 * The description's links and images, at the line of the document that holds the description: a broken one is
 * reported there, not against the generated page, which has no file.
 */
function noteLinks(context: ReferenceContext, text: string, html: string): void {
  const { file, descriptionLines } = context.reference;
  const line = Object.hasOwn(descriptionLines, text) ? descriptionLines[text] : undefined;
  for (const link of scanHtmlSnippet(html).links) context.links.push({ value: link.value, at: { file, ...(line && { line }) } });
}

/** A code block highlighted by the guides' Shiki pipeline, with its language label and copy button. */
export function codeBlockHtml(context: ReferenceContext, code: string, language: string): string {
  return context.markdown.render(`${fencedCode(code.replace(/\n$/, ""), language)}\n`, QUIET_ENV());
}
