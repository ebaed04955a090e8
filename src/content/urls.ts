import { escapePath, safeDecode } from "../text/url-escape.ts";

/** Jekyll's default Markdown extensions (`markdown_ext`), for callers that only have a file name. */
const DEFAULT_MARKDOWN_EXTS = ["markdown", "mkdown", "mkdn", "mkd", "md"];

/**
 * Source paths map to URLs one to one, as on the Jekyll site: `docs/a/b.md` -> `/docs/a/b.html`; a Markdown page
 * under any of `markdown_ext`'s extensions becomes `.html`, any other page keeps its name.
 */
export function outputPathFor(sourceFile: string, markdownExts: readonly string[] = DEFAULT_MARKDOWN_EXTS): string {
  const ext = /\.([^./]+)$/.exec(sourceFile)?.[1];
  return ext !== undefined && markdownExts.includes(ext.toLowerCase()) ? `${sourceFile.slice(0, -ext.length)}html` : sourceFile;
}

export function urlFor(outputPath: string): string {
  return "/" + outputPath;
}

/**
 * Where Jekyll writes a page, post or redirect whose URL is `url` (as its Page#destination does): the URL decoded,
 * `index.html` added to a folder URL, and the page's output extension added when the URL does not end with it,
 * so `/old/home` is `old/home.html` and `/feed.php` of a Markdown page is `feed.php.html`.
 */
export function destinationFor(url: string, outputExt: string): string {
  let file = safeDecode(url).replace(/^\/+/, "");
  if (file === "" || url.endsWith("/")) return `${file}index.html`;
  if (!file.endsWith(outputExt)) file += outputExt;
  return file;
}

/**
 * A `redirect_from` entry as the file jekyll-redirect-from writes for it: `/old/home` -> `old/home.html`,
 * `/old/home/` -> `old/home/index.html`, `/old/x.html` -> `old/x.html`.
 */
export function redirectOutputPath(from: string): string {
  return destinationFor(sanitizeUrl(from.trim()), ".html");
}

/**
 * A URL from a permalink template: each `:name` replaced by its (URL-escaped) value, then cleaned as Jekyll
 * cleans it (a leading slash, no `..`, no `./`, no doubled slashes). Unknown names are left as written.
 */
export function fillPermalink(template: string, values: Readonly<Record<string, string>>): string {
  const filled = template.replace(/:([a-z_]+)/g, (whole, name: string) => {
    // As Jekyll does: the shortest `_`-separated prefix that names a value wins (`:title_x` is the title, then `_x`).
    const parts = name.split("_");
    for (let end = 1; end <= parts.length; end++) {
      const key = parts.slice(0, end).join("_");
      if (key in values) return escapePath(values[key]) + (end < parts.length ? `_${parts.slice(end).join("_")}` : "");
    }
    return whole;
  });
  return sanitizeUrl(filled);
}

/** Jekyll's URL#sanitize_url. */
export function sanitizeUrl(url: string): string {
  return `/${url}`.replace(/\.\./g, "/").replace(/\.\//g, "").replace(/\/{2,}/g, "/");
}

/**
 * A page URL (`/docs/caf%C3%A9`) as a path of the site (`docs/café`): decoded, without its leading slash; undefined
 * when a %-escape is broken.
 */
export function sitePathOf(url: string): string | undefined {
  try {
    return decodeURIComponent(url).replace(/^\/+/, "");
  } catch {
    return undefined;
  }
}

/** Jekyll's Page#name: the name of the page's file, `authenticate.md`. */
export function fileName(file: string): string {
  return file.slice(file.lastIndexOf("/") + 1);
}

/** Jekyll's Page#dir: the URL itself when it ends in a slash, else the folder of the URL, ending in one. */
export function urlFolder(url: string): string {
  return url.endsWith("/") ? url : url.slice(0, url.lastIndexOf("/") + 1) || "/";
}
