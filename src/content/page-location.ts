import path from "node:path";
import { DiagnosticError } from "../diagnostics/diagnostic.ts";
import { isMarkdownFile, type ContentSettings } from "./jekyll-settings.ts";
import { isInPosts, postLocation } from "./posts.ts";
import { collectionOf, documentLocation, documentVariables } from "./collections.ts";
import { shortened, unusableUrl } from "./unusable-url.ts";
import { destinationFor, fillPermalink, outputPathFor, urlFor } from "./urls.ts";
import { escapePath } from "../text/url-escape.ts";

export interface PageLocation {
  url: string;
  outputPath: string;
  /** False when the page is not converted from Markdown. */
  markdown: boolean;
  derived?: Record<string, unknown>;
}

/**
 * Where a page is written and served. By default at its source path (`docs/a/b.md` -> `/docs/a/b.html`, `404.html`
 * -> `/404.html`); `permalink:` moves it, as in Jekyll (`:path`, `:basename` and `:output_ext` filled in); a site
 * whose `permalink:` ends with `/` gives pages other than index pages folder URLs (`/docs/a/b/`), as Jekyll does;
 * posts get Jekyll's post URLs (src/content/posts.ts). Throws a DiagnosticError for a post with no valid date.
 */
export function pageLocation(
  file: string,
  data: Record<string, unknown>,
  settings: Pick<ContentSettings, "markdownExts" | "permalink" | "postPermalink"> & Partial<Pick<ContentSettings, "collections">>,
  keyLines: Record<string, number> = {},
): PageLocation {
  const markdown = isMarkdownFile(file, settings);
  const collection = collectionOf(file, settings.collections ?? []);
  if (collection) {
    const document = documentLocation(file, data, collection, settings);
    refuseUnusable(file, document, keyLines.permalink);
    return { ...document, markdown, derived: documentVariables(file, data, collection) };
  }
  if (isInPosts(file)) {
    const post = postLocation(file, data, markdown, settings, keyLines.date);
    if (!("url" in post)) throw new DiagnosticError(post);
    refuseUnusable(file, post, keyLines.permalink);
    return { url: post.url, outputPath: post.outputPath, markdown, derived: post.derived };
  }
  const defaultPath = outputPathFor(file, settings.markdownExts);
  const outputExt = path.posix.extname(defaultPath);
  const dir = path.posix.dirname(file) === "." ? "" : path.posix.dirname(file);
  const basename = path.posix.basename(defaultPath, outputExt);
  if (typeof data.permalink === "string" && data.permalink.trim() !== "") {
    const url = fillPermalink(data.permalink.trim(), { path: dir, basename, output_ext: outputExt });
    const outputPath = destinationFor(url, outputExt);
    refuseUnusable(file, { url, outputPath }, keyLines.permalink);
    return { url, outputPath, markdown };
  }
  refuseUnusableName(file);
  if (settings.permalink.endsWith("/") && /^\.x?html?$/.test(outputExt) && basename !== "index") {
    const url = escapePath(`/${dir ? `${dir}/` : ""}${basename}/`);
    return { url, outputPath: destinationFor(url, outputExt), markdown };
  }
  // Escaped as Jekyll's escape_path escapes a page's URL: `c# sdk.md` is at `/docs/c%23%20sdk.html`; a `#` or `?` as
  // it is would end the address.
  return { url: escapePath(urlFor(defaultPath)), outputPath: defaultPath, markdown };
}

/**
 * What a file name cannot hold to be a page's address: `%` (is `100%25.md` at `100%25.html` or `100%.html`?), and
 * what breaks the HTML the address is written into. `#`, `?` and spaces are %-escaped in the URL, as Jekyll escapes them.
 */
const NOT_IN_ADDRESS = /[%"<>\\]/;

/**
 * Throws for a page whose file name (or folder) holds `%`, a quote, `<`, `>` or a backslash. The page is not
 * written; the writer renames the file.
 */
function refuseUnusableName(file: string): void {
  const found = NOT_IN_ADDRESS.exec(file)?.[0];
  if (found === undefined) return;
  throw new DiagnosticError({
    file,
    line: 1,
    severity: "error",
    code: "file-name-unusable",
    message: `The page's address would be its path, which holds ${JSON.stringify(found)}: no link could reach it as it is; the page is not written`,
    hint: `Rename the file (or folder) without % " < > or \\ (100-percent.md rather than 100%.md), or give the page a permalink: of plain characters.`,
  });
}

/** Throws the error of a permalink no file and no URL can take (src/content/unusable-url.ts): the page is not written. */
function refuseUnusable(file: string, location: { url: string; outputPath: string }, line: number | undefined): void {
  const reason = unusableUrl(location.url, location.outputPath);
  if (reason === undefined) return;
  throw new DiagnosticError({
    file,
    line: line ?? 1,
    severity: "error",
    code: "permalink-unusable",
    message: `The page's URL ${shortened(location.url)} cannot be written or served: ${reason}; the page is not written`,
    hint: "Write the permalink as a plain path of the site, such as /docs/elements/acme-crm/events.html.",
  });
}
