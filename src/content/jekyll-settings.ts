import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { siteLanguages, type SiteLanguages } from "../i18n/site-languages.ts";
import { entryRules, type EntryRules } from "./entry-filter.ts";
import { readDefaults, type DefaultsRule } from "./front-matter-defaults.ts";
import { readCollections, type Collection } from "./collections.ts";
import { childKeyLine, keyLine, listItemLine } from "../config/config-lines.ts";
import { ignoredKramdownOptions } from "../markdown/kramdown-options.ts";
import { markdownSettings } from "../markdown/kramdown-settings.ts";

/** The `_config.yml` settings that decide which files are pages, posts or static files, and where they are written. */
export interface ContentSettings {
  rules: EntryRules;
  /** Extensions (lowercase, without dot) converted from Markdown: Jekyll's `markdown_ext`. */
  markdownExts: readonly string[];
  /** Jekyll's `permalink:` as a template: the default for posts, and whether pages get folder URLs. */
  permalink: string;
  /** `collections: posts: permalink:`, which Jekyll takes for posts over `permalink:`. */
  postPermalink?: string;
  /** Posts dated after the build are published only with `future: true`, as in Jekyll. */
  future: boolean;
  /** Where a post's excerpt ends: Jekyll's `excerpt_separator`. */
  excerptSeparator: string;
  /** jekyll-paginate: posts per page (none: no pagination), and the path of page 2 and on. */
  paginate: number | undefined;
  paginatePath: string;
  /** `languages:` and `default_lang:`: which folders of an element hold its pages in another language. */
  languages: SiteLanguages;
  /** Jekyll's front matter `defaults:`, by scope. */
  defaults: readonly DefaultsRule[];
  /** The collections of `collections:` besides posts, whose documents are in `_<label>/` (src/content/collections.ts). */
  collections: readonly Collection[];
}

const DEFAULT_MARKDOWN_EXT = "markdown,mkdown,mkdn,mkd,md";

/** Jekyll's named permalink styles (Jekyll 4.3), for posts. */
const PERMALINK_STYLES: Record<string, string> = {
  date: "/:categories/:year/:month/:day/:title:output_ext",
  pretty: "/:categories/:year/:month/:day/:title/",
  ordinal: "/:categories/:year/:y_day/:title:output_ext",
  weekdate: "/:categories/:year/W:week/:short_day/:title:output_ext",
  none: "/:categories/:title:output_ext",
};

export const DEFAULT_CONTENT_SETTINGS: ContentSettings = contentSettings({}).settings;

/** The settings of a source tree's `_config.yml` (already read as `site`), problems pointing at their lines. */
export function siteContentSettings(sourceDir: string, site: Record<string, unknown>): { settings: ContentSettings; problems: Diagnostic[] } {
  let lines: string[] | undefined;
  const read = (): string[] => {
    try {
      return (lines ??= fs.readFileSync(path.join(sourceDir, "_config.yml"), "utf8").split("\n"));
    } catch {
      return [];
    }
  };
  const lineOf = (key: string, child?: string) => (child === undefined ? keyLine(read(), key) : childKeyLine(read(), key, child));
  return contentSettings(site, lineOf, (key, item) => listItemLine(read(), key, item));
}

/** `collections: posts: permalink:` (a style name or a template), when the tree gives one. */
function postsPermalink(collections: unknown): { postPermalink?: string } {
  const posts = typeof collections === "object" && collections !== null && !Array.isArray(collections) ? (collections as Record<string, unknown>).posts : undefined;
  const permalink = typeof posts === "object" && posts !== null ? (posts as Record<string, unknown>).permalink : undefined;
  return typeof permalink === "string" && permalink.trim() ? { postPermalink: PERMALINK_STYLES[permalink.trim()] ?? permalink.trim() } : {};
}

/** The settings of a site's `_config.yml` (Jekyll's defaults where it says nothing); a malformed one is reported. */
export function contentSettings(
  config: Record<string, unknown>,
  lineOf: (key: string, child?: string) => number | undefined = () => undefined,
  itemLineOf: (key: string, item: number) => number | undefined = () => undefined,
): { settings: ContentSettings; problems: Diagnostic[] } {
  const problems: Diagnostic[] = [];
  const configProblem = (key: string, message: string, hint: string, item?: number): Diagnostic => ({
    file: "_config.yml",
    line: (item === undefined ? undefined : itemLineOf(key, item)) ?? lineOf(key),
    severity: "error",
    code: "config-value",
    message,
    hint,
  });
  for (const key of ["exclude", "include"]) {
    const value = config[key];
    if (value !== undefined && value !== null && !Array.isArray(value)) {
      problems.push(configProblem(key, `${key}: must be a list, such as\n${key}:\n  - ${String(value)}`, `Write each entry on its own "- " line, as Jekyll requires.`));
    }
  }
  const paginate = config.paginate === undefined || config.paginate === null ? undefined : Number(config.paginate);
  if (paginate !== undefined && !(Number.isInteger(paginate) && paginate > 0)) {
    problems.push(configProblem("paginate", `paginate: must be a whole number of posts per page, not ${JSON.stringify(config.paginate)}`, "Write paginate: 10, or remove it."));
  }
  const paginatePath = String(config.paginate_path ?? "/page:num");
  if (paginate !== undefined && !paginatePath.includes(":num")) {
    problems.push(configProblem("paginate_path", `paginate_path: must contain :num, such as /blog/page:num, not ${JSON.stringify(paginatePath)}`, "jekyll-paginate puts the page number where :num is."));
  }
  const languages = siteLanguages(config);
  for (const { key, message, hint } of languages.problems) problems.push(configProblem(key, message, hint));
  const kramdown = config.kramdown;
  if (typeof kramdown === "object" && kramdown !== null && !Array.isArray(kramdown) && markdownSettings(config).flavor === "kramdown") {
    for (const key of ignoredKramdownOptions(kramdown as Record<string, unknown>)) {
      problems.push({
        ...configProblem("kramdown", `kramdown: ${key} is not applied here: pages render without it`, `Remove ${key}: from kramdown:, or check the pages it was meant to change.`),
        line: lineOf("kramdown", key),
        severity: "warning",
        code: "config-ignored",
      });
    }
  }
  if (config.collections_dir !== undefined && config.collections_dir !== null && String(config.collections_dir).trim() !== "") {
    problems.push({
      ...configProblem(
        "collections_dir",
        `collections_dir: ${JSON.stringify(String(config.collections_dir))} is not applied: collections are read from _<label>/ folders at the tree's root`,
        "Move the _<label>/ folders (and _posts/) to the tree's root and remove collections_dir:.",
      ),
      severity: "warning",
      code: "config-ignored",
    });
  }
  const collections = readCollections(config.collections, Object.keys(config));
  for (const { label } of collections.filter((collection) => !collection.asSiteKey)) {
    problems.push({
      ...configProblem(
        "collections",
        `collections: ${label} names a value of the site: site.${label} stays the site's, and the collection's documents are listed only in site.collections`,
        `Rename the collection (and its folder _${label}/) if templates list it as site.${label}.`,
      ),
      severity: "warning",
      code: "config-ignored",
    });
  }
  const defaults = readDefaults(config.defaults);
  for (const { message, hint, entry } of defaults.problems) problems.push(configProblem("defaults", message, hint, entry));
  const style = String(config.permalink ?? "date");
  return {
    settings: {
      rules: entryRules({
        exclude: Array.isArray(config.exclude) ? config.exclude : undefined,
        include: Array.isArray(config.include) ? config.include : undefined,
      }),
      markdownExts: String(config.markdown_ext ?? DEFAULT_MARKDOWN_EXT)
        .split(",")
        .map((ext) => ext.trim().replace(/^\./, "").toLowerCase())
        .filter(Boolean),
      permalink: PERMALINK_STYLES[style] ?? style,
      ...postsPermalink(config.collections),
      future: config.future === true,
      excerptSeparator: config.excerpt_separator === undefined ? "\n\n" : String(config.excerpt_separator ?? ""),
      paginate: paginate !== undefined && Number.isInteger(paginate) && paginate > 0 ? paginate : undefined,
      paginatePath: paginatePath.includes(":num") ? paginatePath : "/page:num",
      languages: languages.languages,
      defaults: defaults.rules,
      collections,
    },
    problems,
  };
}

/** True for a file Jekyll converts from Markdown. */
export function isMarkdownFile(file: string, settings: Pick<ContentSettings, "markdownExts">): boolean {
  const dot = file.lastIndexOf(".");
  return dot > file.lastIndexOf("/") && settings.markdownExts.includes(file.slice(dot + 1).toLowerCase());
}
