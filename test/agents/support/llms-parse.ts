// llms.txt read as the llmstxt.org format defines it (and its reference parser, llms_txt.parse_llms_file, reads it):
// an H1, an optional blockquote, optional text without headings, then H2 sections holding nothing but list items
// `- [name](url): notes`. Anything else makes it throw, naming the line.

export interface ParsedLink {
  title: string;
  url: string;
  description: string;
  /** 0 for a top-level item, 1 for one nested under it. */
  depth: number;
}

export interface ParsedLlmsTxt {
  title: string;
  summary: string | undefined;
  info: string;
  sections: Array<{ name: string; links: ParsedLink[] }>;
}

const LINK_LINE = /^( *)- \[((?:\\.|[^\]\\])+)\]\(([^()\s]+)\)(?:: (.+))?$/;

export function parseLlmsTxt(text: string): ParsedLlmsTxt {
  const [start, ...rest] = text.split(/^## /m);
  const head = /^# (.+)\n\n(?:> (.+)\n\n)?([\s\S]*)$/.exec(start);
  if (!head) throw new Error(`llms.txt must open with "# title", then a blank line: ${JSON.stringify(start.slice(0, 80))}`);
  const [, title, summary, info] = head;
  const heading = /^#+ .*$/m.exec(info);
  if (heading) throw new Error(`Before the first section only text may stand, not a heading: ${heading[0]}`);
  const sections = rest.map((chunk) => {
    const [name, ...lines] = chunk.split("\n");
    const links = lines
      .filter((line) => line.trim() !== "")
      .map((line) => {
        const match = LINK_LINE.exec(line);
        if (!match) throw new Error(`Section "${name}" holds a line that is not a link item: ${line}`);
        return { depth: match[1].length / 2, title: match[2].replace(/\\(.)/g, "$1"), url: match[3], description: match[4] ?? "" };
      });
    return { name, links };
  });
  return { title, summary, info: info.trim(), sections };
}
