import path from "node:path";
import { jekyllSlugify } from "../text/jekyll-slugify.ts";
import { titleizeSlug } from "../text/titleize-slug.ts";
import { destinationFor, fillPermalink, outputPathFor } from "./urls.ts";

/** A collection `collections:` of _config.yml declares, Jekyll's own `posts` aside: its documents are in `_<label>/`. */
export interface Collection {
  label: string;
  /** Whether its documents are written as pages (`output: true`); either way `site.<label>` lists them. */
  output: boolean;
  /** Its `permalink:` template (or style name), when it has one. */
  permalink?: string;
  /** `sort_by:`, the front matter key its documents are listed by; `order:`, their file names in order. */
  sortBy?: string;
  order?: readonly string[];
  /**
   * Whether its documents are `site.<label>`: not for a label that names a site value (`title`, `url`), which stays
   * the site's, as the site's own code reads it; they are in `site.collections` either way.
   */
  asSiteKey: boolean;
}

/** Labels that are the site's own values: a collection named so is no `site.<label>`. */
const SITE_KEYS = new Set(["pages", "html_pages", "documents", "collections", "static_files", "categories", "tags", "time", "url", "baseurl", "title", "description", "data"]);

/** Jekyll's named permalink styles for a collection's documents (Jekyll 4.3's Utils.add_permalink_suffix). */
const DOCUMENT_STYLES: Record<string, string> = { pretty: "/:collection/:path/", none: "/:collection/:path:output_ext", date: "/:collection/:path:output_ext" };

/**
 * The collections of `collections:` (a mapping of labels to settings, or a list of labels), posts aside, and `data`,
 * which Jekyll never reads as one (`_data/` is the site's data). `siteKeys`: the keys of _config.yml.
 */
export function readCollections(value: unknown, siteKeys: readonly string[] = []): Collection[] {
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((label) => [String(label), {}])
    : typeof value === "object" && value !== null
      ? Object.entries(value)
      : [];
  return entries
    .filter(([label]) => label !== "posts" && label !== "data" && /^[\w.-]+$/.test(label) && !/^\.+$/.test(label))
    .map(([label, settings]) => {
      const own = typeof settings === "object" && settings !== null ? (settings as Record<string, unknown>) : {};
      const permalink = typeof own.permalink === "string" && own.permalink.trim() ? own.permalink.trim() : undefined;
      // Any value but nil and false is true to Ruby: `output: "yes"` and `output: 1` write the documents.
      const output = own.output !== undefined && own.output !== null && own.output !== false;
      const sortBy = typeof own.sort_by === "string" && own.sort_by.trim() ? own.sort_by.trim() : undefined;
      const order = Array.isArray(own.order) ? own.order.map(String) : undefined;
      return {
        label,
        output,
        ...(permalink ? { permalink } : {}),
        ...(sortBy ? { sortBy } : {}),
        ...(order ? { order } : {}),
        asSiteKey: !SITE_KEYS.has(label) && !siteKeys.includes(label),
      };
    });
}

/** The collection whose folder (`_<label>/` at the tree's root) holds `file`, if any. */
export function collectionOf(file: string, collections: readonly Collection[]): Collection | undefined {
  if (!file.startsWith("_")) return undefined;
  const folder = file.slice(1, file.indexOf("/"));
  return file.includes("/") ? collections.find((collection) => collection.label === folder) : undefined;
}

/**
 * Where Jekyll writes a document of a collection: at its `permalink:`, else its collection's, else
 * `/:collection/:path:output_ext` (`/:collection/:path/` on a site whose permalink ends with `/`), with Jekyll's
 * placeholders: `:collection`, `:path` (its path inside the folder, without extension), `:name`, `:title` and
 * `:slug` (its name made a slug, or its `slug:`), `:output_ext`. `_tutorials/intro/setup.md` -> `/tutorials/intro/setup.html`.
 */
export function documentLocation(
  file: string,
  data: Readonly<Record<string, unknown>>,
  collection: Collection,
  settings: { markdownExts: readonly string[]; permalink: string },
): { url: string; outputPath: string } {
  const outputExt = path.posix.extname(outputPathFor(file, settings.markdownExts));
  const inside = file.slice(collection.label.length + 2);
  const withoutExt = inside.slice(0, inside.length - path.posix.extname(inside).length);
  const basename = path.posix.basename(withoutExt);
  const slug = typeof data.slug === "string" && data.slug.trim() ? data.slug.trim() : undatedName(basename);
  const own = typeof data.permalink === "string" && data.permalink.trim() ? data.permalink.trim() : undefined;
  const style = settings.permalink.endsWith("/") ? DOCUMENT_STYLES.pretty : DOCUMENT_STYLES.date;
  const template = own ?? (collection.permalink ? (DOCUMENT_STYLES[collection.permalink] ?? collection.permalink) : style);
  const url = fillPermalink(template, {
    collection: collection.label,
    path: withoutExt,
    name: jekyllSlugify(basename),
    title: jekyllSlugify(slug, "pretty", true),
    slug: jekyllSlugify(slug),
    output_ext: outputExt,
  });
  return { url, outputPath: destinationFor(url, outputExt) };
}

/** A document's file name without the date it may start with (`2020-01-01-hello` -> `hello`), as Jekyll reads it. */
export function undatedName(basename: string): string {
  return /^\d{2,4}-\d{1,2}-\d{1,2}-(.+)$/.exec(basename)?.[1] ?? basename;
}

/** What Jekyll derives for a document: its collection, slug and (unless its front matter has one) title. */
export function documentVariables(file: string, data: Readonly<Record<string, unknown>>, collection: Collection): Record<string, unknown> {
  const name = path.posix.basename(file);
  const ext = path.posix.extname(name);
  const slug = typeof data.slug === "string" && data.slug.trim() ? data.slug.trim() : undatedName(name.slice(0, name.length - ext.length)).replace(/\.+$/, "");
  return { collection: collection.label, slug, ext, ...(data.title === undefined || data.title === null ? { title: titleizeSlug(slug) } : {}) };
}

/**
 * A collection's documents in Jekyll's order (Collection#sort_docs!): the file names of `order:` first, in that order;
 * else by the `sort_by:` key (those without it last); else by date (`date:`, or the site's time for a document
 * without one), then path.
 */
export function sortedDocuments<T extends { file: string; data: Readonly<Record<string, unknown>> }>(documents: readonly T[], collection: Collection, siteTime: number): T[] {
  const byPath = (a: T, b: T) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  if (collection.order) {
    const inside = (document: T) => document.file.slice(collection.label.length + 2);
    const rank = (document: T) => {
      const at = collection.order!.indexOf(inside(document));
      return at === -1 ? Number.POSITIVE_INFINITY : at;
    };
    return [...documents].sort((a, b) => rank(a) - rank(b) || byPath(a, b));
  }
  if (collection.sortBy) {
    const key = collection.sortBy;
    const has = (document: T) => document.data[key] !== undefined && document.data[key] !== null;
    return [...documents].sort((a, b) => {
      if (has(a) !== has(b)) return has(a) ? -1 : 1;
      const [x, y] = [a.data[key], b.data[key]] as [never, never];
      return x < y ? -1 : x > y ? 1 : byPath(a, b);
    });
  }
  const time = (document: T) => (document.data.date instanceof Date ? document.data.date.getTime() : siteTime);
  return [...documents].sort((a, b) => time(a) - time(b) || byPath(a, b));
}
