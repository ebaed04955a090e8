/** One entry of llms.txt: a page, and under an element's overview the element's other pages. */
export interface LlmsLink {
  title: string;
  /** Where the page is read: its Markdown twin when it has one, absolute (or root-relative without `url:`). */
  url: string;
  /** One line; empty for none. */
  description: string;
  /** The page's source file. */
  file: string;
  /** The page's language, when it is a translation (`ko`): shown after its title. */
  lang?: string;
  children: LlmsLink[];
}

/** An H2 section of llms.txt: a hub and its elements, or the site's other pages. */
export interface LlmsSection {
  name: string;
  links: LlmsLink[];
}

export const LLMS_TXT = "llms.txt";
export const LLMS_FULL_TXT = "llms-full.txt";

/**
 * `/llms.txt` in the llmstxt.org format: an H1 with the site's name, a blockquote summing it up, a paragraph on
 * how to read the rest, then H2 sections whose only content is lists of `- [name](url): notes`. Each hub is a
 * section with one entry per element (its overview) and the element's pages nested under it, so that a parser
 * of the format (which reads any list line of a section as a link) sees every page.
 */
export function llmsTxt(site: { title: string; description: string }, sections: readonly LlmsSection[], fullUrl: string | undefined): string {
  const lines = [`# ${oneLine(site.title) || "Documentation"}`, ""];
  const summary = oneLine(site.description);
  if (summary) lines.push(`> ${summary}`, "");
  lines.push(
    "Each link leads to a page as Markdown; the same address ending in .html is the page for a browser." +
      (fullUrl ? ` Every page in one file: [${LLMS_FULL_TXT}](${fullUrl}).` : ""),
    "",
  );
  for (const section of sections) {
    if (!section.links.length) continue;
    lines.push(`## ${oneLine(section.name)}`, "");
    for (const link of section.links) {
      lines.push(linkLine(link, ""));
      for (const child of link.children) lines.push(linkLine(child, "  "));
    }
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

function linkLine(link: LlmsLink, indent: string): string {
  const description = oneLine(link.description);
  const title = oneLine(link.title) + (link.lang ? ` (${link.lang})` : "");
  return `${indent}- [${escapeLinkText(title)}](${escapeUrl(link.url)})${description ? `: ${description}` : ""}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Brackets would end the link text early. */
function escapeLinkText(text: string): string {
  return text.replace(/([\\[\]])/g, "\\$1");
}

/** Spaces and parentheses would end the link's address early. */
function escapeUrl(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
