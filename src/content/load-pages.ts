import fs from "node:fs";
import path from "node:path";
import { DiagnosticError, type Diagnostic, type DiagnosticList } from "../diagnostics/diagnostic.ts";
import { pageLanguage } from "../i18n/page-language.ts";
import { DEFAULT_LANGUAGES } from "../i18n/site-languages.ts";
import { DirectoryData, isDirectoryDataFile } from "./directory-data.ts";
import { isExcluded, skipsEntry } from "./entry-filter.ts";
import { filesInside, sourceBound } from "./inside-tree.ts";
import { DEFAULT_CONTENT_SETTINGS, isMarkdownFile, type ContentSettings } from "./jekyll-settings.ts";
import { defaultsFor } from "./front-matter-defaults.ts";
import { collectionOf } from "./collections.ts";
import { pageLocation } from "./page-location.ts";
import { withWordsAsText } from "./word-keys.ts";
import type { ParsedFile, ParsedFiles } from "./parsed-files.ts";
import { excerptSource, isInPosts, misnamedPost } from "./posts.ts";
import type { SourcePage } from "./source-page.ts";
import { readText } from "./read-text.ts";
import { closingLine, FRONT_MATTER_BLOCK, splitFrontMatter } from "./split-front-matter.ts";
import { unclosedProblem } from "../text/yaml-unclosed.ts";

export interface LoadedContent {
  /** Every page, posts included, in path order. */
  pages: SourcePage[];
  /** The posts among `pages` (files of `_posts/` folders). */
  posts: SourcePage[];
  /** The documents of the tree's other collections (`_<label>/`), in path order; those of `output: true` are pages too. */
  documents: SourcePage[];
  /** Files without front matter outside `_` and `.` folders (images, downloads, scripts), copied as they are. */
  staticFiles: string[];
  /**
   * Markdown files without front matter under docs/ (and a root index.md): fragments pulled in by includes, never
   * pages; one that no page includes is reported. Elsewhere (a README.md, a vendored package's notes) such a file
   * is left out without a word: Jekyll would copy it as it is, but a site of ours carries no Markdown.
   */
  fragments: string[];
  /** Pages left out with `published: false`, and posts dated in the future. */
  unpublished: string[];
  /** Sass files with front matter, compiled to CSS (src/site-files/sass-files.ts). */
  sass: string[];
  /** The Liquid and Markdown source of each post's excerpt, by file, with the file's line numbers. */
  excerpts: Map<string, string>;
  /** Every file listed (`listFiles`), relative and sorted: the live preview compares a later listing with it. */
  listed: readonly string[];
}

/** Where a Markdown file without front matter is most likely a page that lost it, or an include's fragment. */
const CONTENT_FRAGMENT = /^(?:docs\/|index\.)/;
/** TypeScript beside the content (helpers, tests) is source, never a download: issue 6, "Output hygiene". */
const SOURCE_CODE = /\.(?:[cm]?ts|tsx)$/;
/** Jekyll compiles these to CSS; we do not, so one with front matter is reported rather than copied raw. */
const SASS = /\.s[ac]ss$/i;
/** The folders our own builds write beside their output: `_site.tmp-123`, `_site.old-123`. */
const STAGING_FOLDER = /\.(?:tmp|old)-\d+$/;

/**
 * Finds everything Jekyll would publish from a source tree, by its rules (src/content/entry-filter.ts): pages
 * (Markdown and any other file that starts with front matter) and posts anywhere outside `_` and `.` folders,
 * fragments (Markdown without front matter), and static files, in path order.
 */
export function loadPages(
  sourceDir: string,
  diagnostics: DiagnosticList,
  settings: ContentSettings = DEFAULT_CONTENT_SETTINGS,
  parsedFiles?: ParsedFiles,
): LoadedContent {
  const listed = listFiles(sourceDir, settings, diagnostics);
  const result: LoadedContent = { pages: [], posts: [], documents: [], staticFiles: [], fragments: [], unpublished: [], sass: [], excerpts: new Map(), listed };
  const directoryData = new DirectoryData(sourceDir, diagnostics);
  const now = new Date();
  for (const file of listed) {
    const absPath = path.join(sourceDir, file);
    const markdown = isMarkdownFile(file, settings);
    const post = isInPosts(file);
    const collection = collectionOf(file, settings.collections);
    // A collection's file without front matter is no document; Jekyll copies it only for output: true (not done here).
    if (collection && !startsWithFrontMatter(absPath)) continue;
    const misnamed = post ? misnamedPost(file) : undefined;
    if (misnamed) {
      diagnostics.add(misnamed);
      continue;
    }
    if (!markdown && !post && !startsWithFrontMatter(absPath)) {
      if (!SOURCE_CODE.test(file) && !isDirectoryDataFile(file)) result.staticFiles.push(file);
      continue;
    }
    if (!markdown && SASS.test(file)) {
      result.sass.push(file);
      continue;
    }
    let read: ReturnType<typeof readPage>;
    try {
      read = readPage(sourceDir, file, post, directoryData, settings, parsedFiles);
    } catch (error) {
      if (!(error instanceof DiagnosticError)) throw error;
      diagnostics.add(error.diagnostic);
      continue;
    }
    if (read === "fragment") {
      if (CONTENT_FRAGMENT.test(file)) result.fragments.push(file);
      continue;
    }
    if (read === "unpublished") {
      result.unpublished.push(file);
      continue;
    }
    const { page, headerLines } = read;
    if (collection) {
      result.documents.push(page);
      // A document of a collection without output: true is listed in site.<label>, never written; nor is one dated
      // after the build, without future: true, as in Jekyll.
      const future = !settings.future && page.data.date instanceof Date && page.data.date > now;
      if (collection.output && !future) result.pages.push(page);
      continue;
    }
    if (post && !settings.future && (page.derived?.date as Date) > now) {
      diagnostics.add(futurePost(page));
      result.unpublished.push(file);
      continue;
    }
    result.pages.push(page);
    if (!post) continue;
    result.posts.push(page);
    const separator = page.data.excerpt_separator === undefined ? settings.excerptSeparator : String(page.data.excerpt_separator);
    result.excerpts.set(file, "\n".repeat(headerLines) + excerptSource(page.body.slice(headerLines), separator));
  }
  return result;
}

/**
 * A page (or post) of the tree, with how many of its body's first lines stand for its front matter; "fragment"
 * for Markdown without front matter (a post needs none in Jekyll); "unpublished" for `published: false`. Throws a DiagnosticError for a
 * file that cannot be read as a page. `parsedFiles`: the live preview's parses of an earlier load.
 */
export function readPage(
  sourceDir: string,
  file: string,
  post: boolean,
  directoryData: DirectoryData,
  settings: ContentSettings,
  parsedFiles?: ParsedFiles,
): { page: SourcePage; headerLines: number } | "fragment" | "unpublished" {
  const absPath = path.join(sourceDir, file);
  const parse = (): ParsedFile => {
    const text = readText(absPath, file);
    return readFrontMatter(text, file) ?? (post ? { data: {}, body: text, keyLines: {}, headerLines: 0 } : undefined);
  };
  const parsed = parsedFiles ? parsedFiles.read(file, absPath, parse) : parse();
  if (!parsed) return "fragment";
  // `_config.yml`'s defaults: below the folder's data file and the page's own front matter.
  const collection = post ? undefined : collectionOf(file, settings.collections);
  const defaults = defaultsFor(settings.defaults, file, post ? "posts" : (collection?.label ?? "pages"));
  // A page's own `layout:` or `permalink:` left empty stays so (`layout: null` writes a feed or robots.txt raw), as a
  // Jekyll Page reads them; a post's or a document's takes the default, as Jekyll merges their front matter.
  const ownNil = post || collection ? NO_KEYS : PAGE_OWN_KEYS;
  const data = withoutNilOver(withoutNilOver(defaults, directoryData.forPage(file), ownNil), parsed.data, ownNil);
  // An unpublished page is not placed: its permalink or post date may well be unfinished.
  if (data.published === false) return "unpublished";
  const page: SourcePage = { ...sourcePage(sourceDir, file, data, parsed, settings), bodyFromFile: true };
  const defaulted = Object.keys(defaults).filter((key) => data[key] === defaults[key]);
  if (defaulted.length) page.defaultedKeys = defaulted;
  return { page, headerLines: parsed.headerLines };
}

/**
 * `over` merged over `base` as Jekyll merges front matter over its defaults (Utils.deep_merge_hashes): a key left
 * empty (`description:`, nil) keeps the value below it rather than hiding it, but for the keys of `nilWins`.
 */
function withoutNilOver(base: Record<string, unknown>, over: Record<string, unknown>, nilWins: ReadonlySet<string>): Record<string, unknown> {
  const merged = { ...base, ...over };
  for (const [key, value] of Object.entries(over)) if (value === null && base[key] !== undefined && !nilWins.has(key)) merged[key] = base[key];
  return merged;
}

/** The keys a Jekyll Page reads from its own front matter alone, where nil stays nil. */
const PAGE_OWN_KEYS: ReadonlySet<string> = new Set(["layout", "permalink"]);
const NO_KEYS: ReadonlySet<string> = new Set();

/** A page of the tree from its merged front matter and its parsed file. */
export function sourcePage(
  sourceDir: string,
  file: string,
  data: Record<string, unknown>,
  parsed: { body: string; keyLines: Record<string, number> },
  settings: Pick<ContentSettings, "markdownExts" | "permalink"> & Partial<Pick<ContentSettings, "languages">> = DEFAULT_CONTENT_SETTINGS,
): SourcePage {
  const location = pageLocation(file, data, settings, parsed.keyLines);
  return {
    file,
    absPath: path.join(sourceDir, file),
    data,
    body: parsed.body,
    keyLines: parsed.keyLines,
    url: location.url,
    outputPath: location.outputPath,
    // `docs/elements/<folder>/<page>`, or `docs/elements/<folder>/<lang>/<page>` for one of the site's languages.
    ...pageLanguage(file, settings.languages ?? DEFAULT_LANGUAGES),
    ...(location.markdown ? {} : { markdown: false }),
    ...(location.derived ? { derived: location.derived } : {}),
  };
}

/**
 * Every file Jekyll reads, relative to sourceDir and in path order: names starting with `_` or `.` are skipped
 * (but `_posts` folders are read, as Jekyll reads them), and so are `exclude:`d paths, Jekyll's default excludes
 * and our own staging folders. Symlinks are followed while they stay in the tree; one that leads out of it,
 * nowhere, or round in a loop is reported and left out (src/content/inside-tree.ts).
 */
export function listFiles(sourceDir: string, settings: ContentSettings, diagnostics: DiagnosticList): string[] {
  const report = (diagnostic: Diagnostic) => diagnostics.add(diagnostic);
  const skip = (name: string, rel: string, isFolder: boolean): boolean => {
    if (isFolder && STAGING_FOLDER.test(name)) return true;
    // Jekyll reads the `_posts` folder of every folder it reads, and a collection's `_<label>` folder at the root;
    // only `exclude:` keeps one out.
    // (A collection reads no `_` folder of its own, `_posts` neither.)
    const posts = name === "_posts" && collectionOf(rel, settings.collections) === undefined;
    if (isFolder && (posts || (rel === name && isCollectionFolder(name, settings)))) return isExcluded(settings.rules, rel, isFolder);
    return skipsEntry(settings.rules, rel, isFolder);
  };
  return filesInside(sourceDir, sourceBound(sourceDir), report, skip)
    .map(({ rel }) => rel)
    .sort();
}

/** Whether `name`, a folder at the tree's root, is a collection's (`_tutorials` of `collections: tutorials:`). */
export function isCollectionFolder(name: string, settings: Pick<ContentSettings, "collections">): boolean {
  return name.startsWith("_") && settings.collections.some((collection) => collection.label === name.slice(1));
}

/** True when a file starts with a whole front matter block, which makes it a page in Jekyll. */
export function startsWithFrontMatter(absPath: string): boolean {
  const head = Buffer.alloc(4);
  const fd = fs.openSync(absPath, "r");
  try {
    if (fs.readSync(fd, head, 0, 4, 0) < 4 || !/^---[\r\n]/.test(head.toString("latin1"))) return false;
  } finally {
    fs.closeSync(fd);
  }
  // Only now read it all: a YAML file that merely starts with `---` and never closes it is no page.
  return FRONT_MATTER_BLOCK.test(fs.readFileSync(absPath, "latin1"));
}

function futurePost(page: SourcePage): Diagnostic {
  const date = page.derived?.date as Date;
  return {
    file: page.file,
    line: page.keyLines.date,
    severity: "warning",
    code: "post-in-future",
    message: `The post is dated ${date.toISOString().slice(0, 10)}, after today, so it is not published (as in Jekyll)`,
    hint: "Set future: true in _config.yml to publish posts dated in the future, or correct the date.",
  };
}

/** Front matter and body, or undefined for a fragment (no front matter). */
export function readFrontMatter(text: string, file: string): ParsedFile {
  if (!/^---\r?\n/.test(text)) return undefined;
  let parsed: ReturnType<typeof splitFrontMatter>;
  try {
    parsed = splitFrontMatter(text);
  } catch (error) {
    throw new DiagnosticError(unclosedFrontMatter(text, file) ?? openedWithoutEnd(error, text, file) ?? frontMatterError(error, file));
  }
  const header = text.slice(0, text.length - parsed.content.length);
  const headerLines = countLines(header);
  return {
    data: withWordsAsText(parsed.data as Record<string, unknown>, header),
    body: "\n".repeat(headerLines) + parsed.content,
    keyLines: topLevelKeyLines(header),
    // The body's first lines stand for the front matter.
    headerLines,
  };
}

/** Front matter whose closing `---` is missing: YAML then reads the page's text too, and fails somewhere in it. */
function unclosedFrontMatter(text: string, file: string): Diagnostic | undefined {
  if (closingLine(text.slice(3)) !== -1) return undefined;
  return {
    file,
    line: 1,
    severity: "error",
    code: "front-matter-yaml",
    message: "Front matter never ends: no line --- closes the one that opens it, so the whole page reads as YAML",
    hint: "Add a line with --- after the last front matter key, before the page's text.",
  };
}

/**
 * A quote or a [ or { that is never closed, which js-yaml reports where the front matter ends: reported at the line
 * that opens it instead.
 */
function openedWithoutEnd(error: unknown, text: string, file: string): Diagnostic | undefined {
  const lines = text.slice(0, closingLine(text.slice(3)) + 3).split("\n");
  // Line 0 is the opening `---`.
  const open = unclosedProblem(error, lines, 1);
  if (!open) return undefined;
  return { file, line: open.line, severity: "error", code: "front-matter-yaml", message: `Front matter is not valid YAML: ${open.says}`, hint: open.hint };
}

function frontMatterError(error: unknown, file: string): Diagnostic {
  const yamlError = error as { mark?: { line: number; column: number }; reason?: string; message: string };
  return {
    file,
    // js-yaml reads the text from the end of the opening `---` on (as in gray-matter), so mark line 0 is file line 1.
    line: yamlError.mark ? yamlError.mark.line + 1 : 1,
    column: yamlError.mark ? yamlError.mark.column + 1 : undefined,
    severity: "error",
    code: "front-matter-yaml",
    message: `Front matter is not valid YAML: ${yamlError.reason ?? yamlError.message.split("\n")[0]}`,
    hint: "Check the indentation, and quote values that contain a colon or start with a special character.",
  };
}

function topLevelKeyLines(header: string): Record<string, number> {
  const lines: Record<string, number> = {};
  header.split("\n").forEach((line, index) => {
    const key = /^([A-Za-z0-9_-]+)\s*:/.exec(line)?.[1];
    if (key && !(key in lines)) lines[key] = index + 1;
  });
  return lines;
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) count++;
  return count;
}
