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

/**
 * The source files of a successful build that went nowhere: neither published (a page at its URL, a file copied
 * byte for byte), nor reported (named by a diagnostic), nor a fragment whose text some page shows, nor left out
 * on request (`published: false`). The files looked at are the content: a root index.md and everything below
 * docs/ and assets/ whose path has no part starting with `_` or `.` (partials, layouts, data and dotfiles are
 * read, not published). Symlinks are followed as the build follows them.
 */
export function unaccountedFiles(tree: string, published: Published, reported: (rel: string) => boolean): string[] {
  const pages = published.pages();
  const lost: string[] = [];
  for (const rel of contentFiles(tree)) {
    if (reported(rel) || NEVER_PUBLISHED.test(rel) || isDirectoryData(rel)) continue;
    const bytes = fs.readFileSync(path.join(tree, rel));
    if (!rel.endsWith(".md") || rel.startsWith("assets/")) {
      if (!published.bytes(rel)?.equals(bytes)) lost.push(`${rel} (a file, not copied)`);
      continue;
    }
    const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
    const front = /^---\r?\n([\s\S]*?)^---\s*$/m.exec(text);
    if (front) {
      if (!/^published:\s*false\s*$/m.test(front[1]) && !published.bytes(rel.replace(/\.md$/, ".html"))) lost.push(`${rel} (a page, not written)`);
      continue;
    }
    const marker = MARKER_PATTERN.exec(text)?.[0];
    if (!marker || !pages.some((html) => html.includes(marker))) lost.push(`${rel} (a fragment no page shows)`);
  }
  return lost;
}

/** index.md and the files below docs/ and assets/, following in-tree symlinks, loops cut. */
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
      if (!name.startsWith("_") && !name.startsWith(".")) walk(`${rel}/${name}`, [...ancestors, real]);
    }
  };
  if (fs.existsSync(path.join(tree, "index.md"))) walk("index.md", []);
  walk("docs", []);
  walk("assets", []);
  return found;
}
