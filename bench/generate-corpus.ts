import fs from "node:fs";
import path from "node:path";

/** Page kinds of a synthetic element guide, in sidebar order. */
const PAGE_KINDS = [
  "Overview",
  "API Provider Setup",
  "Authenticate",
  "Events",
  "Bulk",
  "Querying",
  "Transformations",
  "Endpoints",
  "Limits",
  "Release Notes",
];
const HUBS = ["crm", "helpdesk", "marketing", "documents", "ecommerce", "messaging", "finance", "erp"];

export interface CorpusShape {
  pages: number;
  pagesPerElement?: number;
  /**
   * Paragraphs of plain prose added under each heading (default none, which leaves the tree as it always was):
   * pages as many and as linked, only longer. 4 make pages about four times as long.
   */
  extraParagraphs?: number;
}

const slug = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/**
 * Writes a synthetic element-guide tree shaped like a real portal: elements of ten pages, each page
 * about 2 KB with front matter, a Jekyll include with parameters reading page.*, JSON and Bash examples,
 * a table, links to siblings with #anchors and 5-8 headings. Deterministic for a given size.
 */
export function generateCorpus(root: string, shape: CorpusShape): { pages: number; elements: number } {
  const perElement = shape.pagesPerElement ?? 10;
  const elements = Math.ceil(shape.pages / perElement);
  write(root, "_config.yml", "title: Synthetic Guides\nurl: https://bench.example.test\n");
  write(root, "_data/hubs.yml", HUBS.map((key) => `- key: ${key}\n  name: ${key.toUpperCase()}\n`).join(""));
  write(root, "_includes/bench/summary.md", summaryInclude());
  write(
    root,
    "docs/elements.md",
    "---\ntitle: Element Guides\nheading: Element Guides\nlayout: sidebarelementtile\n---\n\nEvery synthetic element.\n",
  );
  let written = 0;
  for (let e = 0; e < elements && written < shape.pages; e++) {
    const folder = `element-${String(e).padStart(5, "0")}`;
    // The last element gets what is left: its pages link only to each other.
    const pagesHere = Math.min(perElement, shape.pages - written);
    for (let p = 0; p < pagesHere; p++, written++) {
      const kind = PAGE_KINDS[p % PAGE_KINDS.length];
      const file = p === 0 ? "index.md" : `${slug(kind)}.md`;
      write(root, `docs/elements/${folder}/${file}`, pageText(e, p, kind, pagesHere, shape.extraParagraphs ?? 0));
    }
  }
  return { pages: written, elements };
}

function pageText(e: number, p: number, kind: string, elementPages: number, extraParagraphs: number): string {
  const name = `Element ${e}`;
  const key = `element${e}`;
  const hub = HUBS[e % HUBS.length];
  // The next page of the element, the first after its last.
  const sibling = (p + 1) % elementPages;
  const siblingKind = PAGE_KINDS[sibling % PAGE_KINDS.length];
  const siblingFile = sibling === 0 ? "index.html" : `${slug(siblingKind)}.html`;
  const headingCount = 5 + ((e + p) % 4);
  const sections: string[] = [];
  for (let h = 1; h < headingCount; h++) {
    sections.push(`## ${kind} step ${h}

The ${name} element handles step ${h} of ${kind.toLowerCase()} through the platform API. Each request carries
the instance token in the Authorization header, and responses page through results with a cursor. See
[the next page](${siblingFile}#${slug(`${siblingKind} step 1`)}) or [the section below](#${slug(`${kind} step ${h + 1 < headingCount ? h + 1 : 1}`)}).
${prose(extraParagraphs, [e, p, h])}`);
  }
  return `---
heading: ${name}
seo: ${kind} | ${name} | Synthetic Guides
title: ${kind}
description: ${kind} for the ${name} element.
layout: sidebarelementdoc
breadcrumbs: /docs/elements.html
parent: Back to Element Guides
elementId: ${1000 + e}
elementKey: ${key}
hub: ${hub}
order: ${(p + 1) * 5}
---

# ${kind}

{% include bench/summary.md topic="${kind.toLowerCase()}" %}

${sections.join("\n")}
## Example request

\`\`\`bash
curl -X POST https://api.example.test/elements/${key}/instances \\
  -H 'Authorization: User <user secret>, Organization <org secret>' \\
  -H 'Content-Type: application/json' \\
  -d @instance.json
\`\`\`

\`\`\`json
{
  "element": { "key": "${key}" },
  "configuration": { "${hub}.${key}.username": "<USERNAME>", "${hub}.${key}.page.size": ${50 + p} },
  "name": "${name} instance ${p}"
}
\`\`\`

| Parameter | Description | Type |
| --- | --- | --- |
| \`key\` | The element key, \`${key}\`. | string |
| \`name\` | A name for the instance. | string |
| \`tags\` | Labels for finding the instance. | array |
`;
}

const WORDS = (
  "the a each every request response record field value page cursor token header instance element account " +
  "contact ticket invoice order event webhook batch limit retry schedule filter query sort owner status " +
  "returns sends keeps reads writes updates removes lists holds accepts rejects waits pages maps stores " +
  "after before when unless once again later first last next previous current older newer empty full " +
  "quickly safely always only also still often rarely"
).split(" ");

/**
 * `count` paragraphs of prose, each a blank line then four sentences of about a dozen words; the words are
 * picked by a small hash of `seed`, so the text is the same on every run but differs from page to page (a
 * search index grows with it, as it would with real text), and each sentence names an identifier of its own.
 */
function prose(count: number, seed: number[]): string {
  let state = seed.reduce((h, n) => Math.imul(h ^ n, 0x9e3779b1) >>> 0, 0x811c9dc5);
  const next = (below: number) => {
    state = (Math.imul(state ^ (state >>> 15), 0x85ebca6b) + 0x6b43a9b5) >>> 0;
    return state % below;
  };
  const paragraphs: string[] = [];
  for (let i = 0; i < count; i++) {
    const sentences: string[] = [];
    for (let s = 0; s < 4; s++) {
      const words = Array.from({ length: 10 + next(5) }, () => WORDS[next(WORDS.length)]);
      words.splice(1 + next(words.length - 1), 0, `\`field_${next(10_000)}\``);
      sentences.push(`${words.join(" ").replace(/^./, (c) => c.toUpperCase())}.`);
    }
    paragraphs.push(`\n${sentences.join(" ")}\n`);
  }
  return paragraphs.join("");
}

function summaryInclude(): string {
  return `This page covers {{ include.topic }} for the {{ page.heading }} element (\`{{ page.elementKey }}\`, hub \`{{ page.hub }}\`).
`;
}

function write(root: string, rel: string, text: string): void {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}
