/**
 * A page's Markdown without kramdown's `{::comment}…{:/comment}` (or `{:/}`) notes, which the HTML page leaves out
 * (src/markdown/plugins/kramdown-extensions.ts): what its twin and its llms.txt summary are made from must not
 * publish them either. Fenced code keeps them: there they are text.
 */
export function withoutKramdownComments(markdown: string): string {
  if (!markdown.includes("{::comment")) return markdown;
  // Split into prose, fenced block, fence marker (the regex's groups), …: the prose loses its comments.
  return markdown
    .split(/(^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\2[`~]*[ \t]*$|(?![\s\S])))/m)
    .map((part, i) => (i % 3 === 0 ? part.replace(/\{::comment\}[\s\S]*?\{:\/(?:comment)?\}/g, "") : i % 3 === 1 ? part : ""))
    .join("");
}
