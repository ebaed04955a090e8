import type { Heading } from "../../markdown/plugins/heading-ids.ts";

/** One line of a page's "On this page" list. */
export interface TocEntry {
  level: number;
  text: string;
  id: string;
}

/** The page's h2 and h3 headings, in page order; deeper levels would crowd a list meant for skimming. */
export function tableOfContents(headings: readonly Heading[]): TocEntry[] {
  return headings.filter((h) => (h.level === 2 || h.level === 3) && h.id !== "").map(({ level, text, id }) => ({ level, text, id }));
}
