import type { SourcePage } from "../content/source-page.ts";
import { yamlLines } from "../text/yaml-lines.ts";
import { markdownWithBase } from "./markdown-links.ts";

/**
 * A page as Markdown for readers that prefer it to HTML (AI agents, "Copy as Markdown"): its Markdown with
 * includes and Liquid applied, as it was handed to the Markdown renderer, so that its text is the page's text;
 * front matter reduced to what tells the page apart (title and description); root-relative links under the
 * base path, as on the page. `markdown` is without kramdown's notes (src/agents/kramdown-comments.ts).
 */
export function markdownTwin(page: Pick<SourcePage, "data">, markdown: string, baseurl: string): string {
  const front: Record<string, string> = {};
  for (const key of ["title", "description"]) {
    const value = textValue(page.data[key]);
    if (value !== undefined) front[key] = value;
  }
  // The body starts with blank lines where the source had its front matter (line numbers stay true for checks).
  const body = markdownWithBase(markdown, baseurl).replace(/^\s*\n/, "").trimEnd();
  // Always a front matter of our own, empty or not: a body that starts with `---` lines must not pose as one.
  const head = Object.keys(front).length ? yamlLines(front) : "";
  return `---\n${head}---\n\n${body}\n`;
}

function textValue(value: unknown): string | undefined {
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}
