import { readFileSync } from "node:fs";
import type { MarkdownIt } from "markdown-it";
import { createMarkdown } from "../../../src/markdown/create-markdown.ts";
import type { CodeHighlighter } from "../../../src/markdown/highlight/code-highlighter.ts";
import type { MarkdownFlavor } from "../../../src/markdown/kramdown-settings.ts";
import type { MarkdownEnv, MarkdownProblem } from "../../../src/markdown/markdown-env.ts";

/** An env that records what plugins report. */
export function recordingEnv(file = "docs/page.md"): MarkdownEnv & { problems: MarkdownProblem[] } {
  const problems: MarkdownProblem[] = [];
  return { file, problems, report: (p) => problems.push(p) };
}

/** A highlighter that supports nothing, so tests of other plugins do not depend on Shiki. */
export const noHighlighter: CodeHighlighter = {
  languages: [],
  highlight: () => undefined,
  seed: () => {},
  takeUsedEntries: () => [],
};

export function readFixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
}

/** The page text below its front matter. */
export function withoutFrontMatter(text: string): string {
  return text.replace(/^---\n[\s\S]*?\n---\n/, "");
}

const renderers = new Map<MarkdownFlavor, MarkdownIt>();

/** The site's renderer (no highlighting) with kramdown's rules, as `markdown: kramdown` gives it, or CommonMark's. */
export function renderAs(flavor: MarkdownFlavor, text: string): string {
  let md = renderers.get(flavor);
  if (!md) renderers.set(flavor, (md = createMarkdown({ highlighter: noHighlighter, flavor })));
  return md.render(text, recordingEnv());
}
