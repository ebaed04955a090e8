const LONGEST = 200;

/**
 * A page's description in one line for llms.txt: its front matter `description`, unless that only repeats the
 * title (`description: Authenticate` on the Authenticate page says nothing), else the first sentence of its text.
 */
export function oneLineDescription(data: Record<string, unknown>, fromText: string | undefined): string {
  return writtenDescription(data) ?? fromText ?? "";
}

/** The front matter's description on one line, unless it is missing or only repeats the title. */
export function writtenDescription(data: Record<string, unknown>): string | undefined {
  const title = oneLine(typeof data.title === "string" ? data.title : "");
  const written = oneLine(typeof data.description === "string" ? data.description : "");
  return written && written.toLowerCase() !== title.toLowerCase() ? shortened(written) : undefined;
}

/**
 * The first sentence of a page's first paragraph of prose, from its Markdown: headings, lists, tables, quotes,
 * code and HTML blocks are passed over, and links, emphasis and code marks dropped. Undefined when there is none.
 */
export function firstSentence(markdown: string): string | undefined {
  const paragraph: string[] = [];
  for (const line of linesOutsideCode(markdown)) {
    if (line.trim() === "") {
      if (paragraph.length) break;
      continue;
    }
    // A line of `=` or `-` under text makes that text a heading (setext), not prose.
    if (paragraph.length && SETEXT_UNDERLINE.test(line)) {
      paragraph.length = 0;
      continue;
    }
    // Prose starts with a letter, a digit, a quote, emphasis, a link or code: not `#`, `-`, `|`, `>`, `<`, `{`, indentation.
    if (paragraph.length || /^[\p{L}\p{N}"'“*_[`(]/u.test(line)) paragraph.push(line.trim());
  }
  const text = oneLine(plainText(paragraph.join(" ")));
  if (!text) return undefined;
  const end = /[.!?](?=\s+[\p{Lu}\p{N}"“(])/u.exec(text.slice(20));
  return shortened(end ? text.slice(0, 20 + end.index + 1) : text);
}

/** The text of a page's first heading (`# Title`, or a line underlined with `=` or `-`), without Markdown. */
export function firstHeading(markdown: string): string | undefined {
  let previous = "";
  for (const line of linesOutsideCode(markdown)) {
    const atx = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line)?.[1];
    const setext = previous.trim() !== "" && SETEXT_UNDERLINE.test(line) && /^ {0,3}[\p{L}\p{N}"'“*_[`(]/u.test(previous) ? previous : undefined;
    const heading = atx ?? setext;
    const text = heading && oneLine(plainText(heading));
    if (text) return text;
    previous = line;
  }
  return undefined;
}

const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)\s*$/;

/** The lines of Markdown outside fenced code, which holds neither prose nor headings. */
function* linesOutsideCode(markdown: string): Generator<string> {
  let fence: string | undefined;
  for (const line of markdown.split("\n")) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker?.[0] === fence[0]) fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    yield line;
  }
}

/** Markdown inline syntax and HTML tags dropped: what a reader sees of the line. */
function plainText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/(\*\*|__|\*|`)/g, "")
    .replace(/\{:[^}]*\}/g, "");
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** At most LONGEST characters, cut at a word with an ellipsis. */
function shortened(text: string): string {
  if (text.length <= LONGEST) return text;
  const cut = text.slice(0, LONGEST - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), LONGEST / 2)).replace(/[\s,;:.]+$/, "")}…`;
}
