// The address a page whose front matter does not load meant to have. Its error page is written at the address its
// file name gives (src/dev/page-writer.ts); a page with a pretty `permalink: /guide/` would otherwise answer 404, or
// the dev server's redirect to `/guide`, at the address the writer has open, until it is fixed.
import fs from "node:fs";
import path from "node:path";
import { destinationFor } from "../content/urls.ts";

/** A `permalink:` line of front matter, its value a plain path (quoted or not, a comment after it). */
const PERMALINK = /^permalink:[ \t]*(["']?)(\/[^"'\s#]*)\1[ \t]*(?:#.*)?$/m;

/**
 * The output path the `permalink:` line of a page's broken front matter gives, when that line can still be read
 * and is a plain path to a page (no `:title`-like placeholders). It only tells the preview which error page to
 * answer an address with, from memory: nothing is written there, so no permalink can put a file anywhere.
 */
export function permalinkOfUnloaded(sourceDir: string, file: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(sourceDir, file), "utf8");
  } catch {
    return undefined;
  }
  if (!/^---[ \t]*\r?\n/.test(text)) return undefined;
  const body = text.slice(text.indexOf("\n") + 1);
  const end = /^(?:---|\.\.\.)[ \t]*\r?$/m.exec(body);
  const permalink = PERMALINK.exec(end ? body.slice(0, end.index) : body)?.[2];
  if (permalink === undefined || permalink.includes(":")) return undefined;
  const outputPath = destinationFor(permalink, ".html");
  // Only an address the preview asks about can match (never one with `.` or `..` in it), but say so here too.
  const plain = outputPath.endsWith(".html") && !/[\0\\]/.test(outputPath) && !outputPath.split("/").some((part) => part === "." || part === "..");
  return plain ? outputPath : undefined;
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
