import type { LlmsLink, LlmsSection } from "./llms-txt.ts";

/**
 * llms.txt as the tree alone gives it: its sections and pages in order, each page with the title and description
 * its front matter gives, if any. The rest comes from the page's render (its first heading and sentence): a split
 * build's first shard makes the plan (src/build/site-share.ts), and the merge completes it with every shard's pages.
 */
export interface LlmsPlan {
  /** Which of llms.txt and llms-full.txt are ours to write (the tree may bring its own). */
  ours: string[];
  sections: Array<{ name: string; links: PlannedLink[] }>;
}

export interface PlannedLink {
  file: string;
  url: string;
  lang?: string;
  /** Set by the front matter (or an element's name); else the page's first heading, else a name made from its file's. */
  title?: string;
  /** Set by the front matter; else the page's first sentence. */
  description?: string;
  /** The page's Markdown twin, which llms-full.txt holds, when it has one. */
  twin?: string;
  children: PlannedLink[];
}

/** What a page's render gave llms.txt: its first sentence and heading. */
export type RenderedSummary = (file: string) => { summary?: string; heading?: string };

/** The plan's sections with every title and description filled in. */
export function completedSections(plan: LlmsPlan, summaryOf: RenderedSummary): LlmsSection[] {
  const complete = (link: PlannedLink): LlmsLink => {
    const { summary, heading } = summaryOf(link.file);
    return {
      title: link.title ?? heading ?? nameFromFile(link.file),
      url: link.url,
      description: link.description ?? summary ?? "",
      file: link.file,
      ...(link.lang !== undefined && { lang: link.lang }),
      children: link.children.map(complete),
    };
  };
  return plan.sections.map((section) => ({ name: section.name, links: section.links.map(complete) }));
}

/** The twins llms-full.txt holds, in its order (llms.txt's, overviews before their pages). */
export function twinsInOrder(plan: LlmsPlan): Array<{ url: string; twin: string }> {
  return plan.sections.flatMap((section) =>
    section.links.flatMap((link) => [link, ...link.children]).flatMap((link) => (link.twin === undefined ? [] : [{ url: link.url, twin: link.twin }])),
  );
}

/** `docs/misc/getting-started.md` -> "Getting started"; an index page is named after its folder. */
function nameFromFile(file: string): string {
  const parts = file.split("/");
  const base = parts.at(-1)!.replace(/\.[^.]*$/, "");
  const name = (base === "index" && parts.length > 1 ? parts.at(-2)! : base).replace(/[-_\s]+/g, " ").trim();
  return name ? name[0].toUpperCase() + name.slice(1) : file;
}
