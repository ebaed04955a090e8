// The address a page whose front matter does not load meant to have. Its error page is written at the address its
// file name gives (src/dev/page-writer.ts); a page with a pretty `permalink: /guide/` would otherwise answer 404, or
// the dev server's redirect to `/guide`, at the address the writer has open, until it is fixed.
import fs from "node:fs";
import path from "node:path";
import { unusableUrl } from "../content/unusable-url.ts";
import { destinationFor, sanitizeUrl } from "../content/urls.ts";

/**
 * A `permalink:` line of front matter: its value in double quotes (group 1, no escapes), single quotes (group 2)
 * or plain (group 3, which a ` #` comment ends, as YAML reads it: `/c#-sdk/` is all value).
 */
const PERMALINK = /^permalink:[ \t]+(?:"([^"\\\n]*)"|'([^'\n]*)'|([^\s"'#][^\n]*?))(?:[ \t]+#[^\n]*)?[ \t]*\r?$/m;

/**
 * The output path the `permalink:` line of a page's broken front matter gives, when that line can still be read,
 * made as a loaded page's is (src/content/page-location.ts; `.html` added), when it has no placeholders. It only
 * tells the preview which error page to answer an address with, from memory: nothing is written there, so no
 * permalink can put a file anywhere.
 */
export function permalinkOfUnloaded(sourceDir: string, file: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(sourceDir, file), "utf8").replace(/^\uFEFF/, "");
  } catch {
    return undefined;
  }
  if (!/^---[ \t]*\r?\n/.test(text)) return undefined;
  const body = text.slice(text.indexOf("\n") + 1);
  const end = /^(?:---|\.\.\.)[ \t]*\r?$/m.exec(body);
  const match = PERMALINK.exec(end ? body.slice(0, end.index) : body);
  const permalink = (match?.[1] ?? match?.[2] ?? match?.[3])?.trim();
  if (!permalink || permalink.includes(":")) return undefined;
  const url = sanitizeUrl(permalink);
  const outputPath = destinationFor(url, ".html");
  return unusableUrl(url, outputPath) === undefined ? outputPath : undefined;
}

/** Each output path claimed by the permalink of a page that did not load, and that page's file; made once a site. */
export function claimsOfUnloaded(sourceDir: string, unloaded: readonly string[]): Map<string, string> {
  const claims = new Map<string, string>();
  for (const file of unloaded) {
    const outputPath = permalinkOfUnloaded(sourceDir, file);
    // Two broken pages claiming one address: the first in the tree's order answers, as a build would report both.
    if (outputPath !== undefined && !claims.has(outputPath)) claims.set(outputPath, file);
  }
  return claims;
}
