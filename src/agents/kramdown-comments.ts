/**
 * A page's Markdown without kramdown's `{::comment}…{:/comment}` (or `{:/}`) notes, which the HTML page leaves out
 * (src/markdown/plugins/kramdown-extensions.ts): what its twin and its llms.txt summary are made from must not
 * publish them either. As there: a note that starts a line may run over blank lines (a block), one within a
 * paragraph ends with it, the start tag may hold options (`{::comment note="x"}`), and code (fenced blocks and
 * `spans`) keeps them, since there they are text.
 */
export function withoutKramdownComments(markdown: string): string {
  if (!markdown.includes("{::comment")) return markdown;
  // Split into prose, fenced block, fence marker (the regex's groups), …: the prose loses its notes.
  return markdown
    .split(/(^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\2[`~]*[ \t]*$|(?![\s\S])))/m)
    .map((part, i) => (i % 3 === 0 ? part.replace(NOTE_OR_CODE_SPAN, (found, ticks: string | undefined) => (ticks ? found : "")) : i % 3 === 1 ? part : ""))
    .join("");
}

const START = String.raw`\{::comment\b[^}]*?(?<!\/)\}`;
const END = String.raw`\{:\/(?:comment)?\}`;
/** A code span (kept as it is), a block note, or a note within a paragraph (no blank line inside). */
const NOTE_OR_CODE_SPAN = new RegExp(
  String.raw`(\`+)[\s\S]*?\1|^[ \t]{0,3}${START}[\s\S]*?${END}[ \t]*$|${START}(?:(?!\n[ \t]*\n)[\s\S])*?${END}`,
  "gm",
);
