/**
 * Root-relative URLs of a page's Markdown under the site's base path, as the HTML page has them
 * (src/markdown/plugins/link-policy.ts): `[x](/docs/a.html)` becomes `[x](/guides/docs/a.html)` with `--base
 * /guides/`. Inline links and images, reference definitions and the URLs of HTML links, images and media are
 * rewritten; code (fenced blocks and `spans`) is left as written, since it is text, not a link.
 */
export function markdownWithBase(markdown: string, baseurl: string): string {
  if (!baseurl) return markdown;
  const lines = markdown.split("\n");
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      // A fence closes with a run of the same character, at least as long, and nothing after it.
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && /^\s*[`~]+\s*$/.test(line)) fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    // Most lines hold no link: a cheap look first (four times faster on the bench corpus under a base path).
    if (MAY_LINK.test(line)) lines[i] = outsideCodeSpans(line, (prose) => proseWithBase(prose, baseurl));
  }
  return lines.join("\n");
}

const MAY_LINK = /\]\(|\]:|<(?:a|img|source|video|audio)\b/i;
/** A URL that starts with one slash: root-relative, not protocol-relative. */
const ROOT = String.raw`\/(?!\/)`;
const INLINE_TARGET = new RegExp(String.raw`(\]\(\s*<?)${ROOT}`, "g");
const REFERENCE_DEFINITION = new RegExp(String.raw`^(\s{0,3}\[[^\]]+\]:\s*<?)${ROOT}`);
const HTML_URL = new RegExp(String.raw`(<(?:a|img|source|video|audio)\b[^>]*?\s(?:href|src)\s*=\s*["']?)${ROOT}`, "gi");

function proseWithBase(text: string, baseurl: string): string {
  return text
    .replace(INLINE_TARGET, `$1${baseurl}/`)
    .replace(REFERENCE_DEFINITION, `$1${baseurl}/`)
    .replace(HTML_URL, `$1${baseurl}/`);
}

/** Applies `rewrite` to the parts of a line outside `code spans` (a run of backticks closed by the same run). */
function outsideCodeSpans(line: string, rewrite: (prose: string) => string): string {
  let result = "";
  let at = 0;
  for (const span of line.matchAll(/(`+).*?(?<!`)\1(?!`)/g)) {
    result += rewrite(line.slice(at, span.index)) + span[0];
    at = span.index + span[0].length;
  }
  return result + rewrite(line.slice(at));
}
