// What must hold after any build of any tree (issue 11, "Safe by construction"), as functions that return what
// went wrong, so that the fuzz test states each invariant in one line.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { MARKER_PATTERN } from "./write-tree.ts";

/**
 * The first line that shows the build crashed rather than reported: a stack frame, a JavaScript error's name, or
 * the words of one that a diagnostic passed on (a runaway recursion, the heap running out).
 */
export function crashLine(output: string): string | undefined {
  return output
    .split("\n")
    .find((line) => /^\s+at /.test(line) || /\b(?:TypeError|ReferenceError|RangeError)\b|Maximum call stack size exceeded|heap out of memory/.test(line));
}

/**
 * Every entry below `dir` as written, symlinks not followed: files by content hash, links by target, folders by
 * name. Unlike test/support/tree-digest.ts it sees a symlink or an empty folder appear, change or vanish.
 */
export function snapshot(dir: string, skip: (rel: string) => boolean = () => false): Record<string, string> {
  const entries: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      const rel = path.relative(dir, full);
      if (skip(rel)) continue;
      if (entry.isSymbolicLink()) entries[rel] = `link -> ${fs.readlinkSync(full)}`;
      else if (entry.isDirectory()) {
        entries[rel] = "folder";
        walk(full);
      } else entries[rel] = crypto.createHash("sha256").update(fs.readFileSync(full)).digest("hex");
    }
  };
  walk(dir);
  return entries;
}

/** Output files whose bytes hold `text`; Pagefind's gzipped index files are unpacked first. */
export function filesContaining(outDir: string, text: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = fs.readFileSync(file);
    if (bytes.includes(text) || gunzipped(bytes)?.includes(text)) found.push(path.relative(outDir, file));
  }
  return found;
}

function gunzipped(bytes: Buffer): Buffer | undefined {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return undefined;
  try {
    return zlib.gunzipSync(bytes);
  } catch {
    return undefined;
  }
}

/** The `file:line: severity code: message` lines of a human report that appear more than once. */
export function repeatedDiagnostics(report: string): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const line of report.split("\n")) {
    if (!/^\S.*: (?:error|warning) [\w-]+: /.test(line)) continue;
    if (seen.has(line)) repeated.push(line);
    seen.add(line);
  }
  return repeated;
}

/** What a successful build published, in memory or on disk. */
export interface Published {
  /** The bytes written at `rel` (relative to the output folder), or undefined. */
  bytes(rel: string): Buffer | undefined;
  /** Every page's HTML. */
  pages(): string[];
  /** Whether some page included the file; unknown (undefined) for a site on disk. */
  included?(rel: string): boolean;
}

export function publishedOnDisk(outDir: string): Published {
  return {
    bytes: (rel) => (fs.existsSync(path.join(outDir, rel)) ? fs.readFileSync(path.join(outDir, rel)) : undefined),
    pages: () =>
      fs
        .readdirSync(outDir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith(".html"))
        .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), "utf8")),
  };
}

/** `.ts` beside the content and `<folder>.11tydata.*` are source, never published (README, "Deploy"). */
const NEVER_PUBLISHED = /\.(?:[cm]?ts|tsx)$/;
function isDirectoryData(rel: string): boolean {
  const folder = path.posix.basename(path.posix.dirname(rel));
  return /^(.*)\.11tydata\.(?:yml|yaml|json)$/.exec(path.posix.basename(rel))?.[1] === folder;
}

/** Names Jekyll never reads (src/content/entry-filter.ts): partials, layouts, data, dotfiles, editor backups. */
const SKIPPED_NAME = /^[._#~]|[~.]$/;
/** A whole front matter block at the start of a file, which makes any file a page (as in Jekyll). */
const FRONT_MATTER = /^---\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;
/** Where Markdown without front matter is a fragment for include_relative; elsewhere it is left out by design. */
const FRAGMENT_PLACE = /^(?:docs\/|index\.md$)/;

/**
 * The source files of a successful build that went nowhere: neither published (a page at its URL or wherever its
 * text shows up, a file copied byte for byte), nor reported (named by a diagnostic), nor a fragment whose text
 * some page shows, nor left out on request (`published: false`) or by design (TypeScript, folder data files,
 * Markdown without front matter outside docs/). The files looked at are all that Jekyll would read: every path
 * without a part that starts with `_` or `.` (partials, layouts and data are read, not published). Symlinks are
 * followed as the build follows them.
 */
export function unaccountedFiles(tree: string, published: Published, reported: (rel: string) => boolean): string[] {
  const pages = published.pages();
  const shown = (text: string) => {
    const marker = MARKER_PATTERN.exec(text)?.[0];
    return marker !== undefined && pages.some((html) => html.includes(marker));
  };
  const lost: string[] = [];
  for (const rel of contentFiles(tree)) {
    if (reported(rel) || NEVER_PUBLISHED.test(rel) || isDirectoryData(rel)) continue;
    const bytes = fs.readFileSync(path.join(tree, rel));
    const markdown = rel.endsWith(".md");
    // Only Markdown is read as text with its byte order mark dropped; any other file is a page by its first bytes.
    const text = markdown ? bytes.toString("utf8").replace(/^\uFEFF/, "") : bytes.toString("latin1");
    const front = FRONT_MATTER.exec(text);
    if (!front && !markdown) {
      if (!published.bytes(rel)?.equals(bytes)) lost.push(`${rel} (a file, not copied)`);
    } else if (!front) {
      // A fragment's text shows in the pages that include it. An empty one shows nothing: it must be included (or
      // reported), which only a build in memory can tell.
      const seen = MARKER_PATTERN.test(text) ? shown(text) : (published.included?.(rel) ?? true);
      if (FRAGMENT_PLACE.test(rel) && !seen) lost.push(`${rel} (a fragment no page includes)`);
    } else if (!/^published:\s*false\s*$/m.test(front[1] ?? "")) {
      // A page is written at its path (Markdown as .html), or where its permalink says: then its text shows.
      if (!published.bytes(markdown ? rel.replace(/\.md$/, ".html") : rel) && !shown(text)) lost.push(`${rel} (a page, not written)`);
    }
  }
  return lost;
}

/** Every file Jekyll would read, following in-tree symlinks, loops cut. */
function contentFiles(tree: string): string[] {
  const found: string[] = [];
  const walk = (rel: string, ancestors: string[]): void => {
    const full = path.join(tree, rel);
    let real: string;
    try {
      real = fs.realpathSync(full);
    } catch {
      return; // a dangling link: the build must report it, which the caller's diagnostics show
    }
    const stat = fs.statSync(real);
    if (stat.isFile()) found.push(rel);
    if (!stat.isDirectory() || ancestors.includes(real)) return;
    for (const name of fs.readdirSync(full).sort()) {
      if (!SKIPPED_NAME.test(name)) walk(rel ? `${rel}/${name}` : name, [...ancestors, real]);
    }
  };
  walk("", []);
  return found;
}
