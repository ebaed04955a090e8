import type { SourcePage } from "../content/source-page.ts";
import { treeJekyllLayouts } from "./layout-set.ts";

/** How many layouts the note names before it only counts the rest. */
const NAMED = 2;

/**
 * The one line that tells a writer their tree's Jekyll layouts are not used, and how to use them. Not a warning:
 * rendering with our theme is the design, not a problem, so it never fails `--strict`. The layouts the most pages
 * name come first, since they are the ones the writer will miss.
 */
export function unusedLayoutsNote(sourceDir: string, pages: readonly SourcePage[]): string | undefined {
  const layouts = treeJekyllLayouts(sourceDir);
  if (layouts.length === 0) return undefined;
  const uses = new Map<string, number>();
  for (const page of pages) uses.set(String(page.data.layout), (uses.get(String(page.data.layout)) ?? 0) + 1);
  const ordered = layouts.sort((a, b) => (uses.get(b) ?? 0) - (uses.get(a) ?? 0) || a.localeCompare(b));
  const named = ordered.slice(0, NAMED).map((name, i) => (i === 0 ? `_layouts/${name}.html` : `${name}.html`));
  if (ordered.length > NAMED) named.push(`+${ordered.length - NAMED}`);
  return (
    `The tree's own layouts (${named.join(", ")}) are not used: its pages use Element Guides' theme. ` +
    "To use them, set `element_guides: { layouts: own }` in _config.yml."
  );
}
