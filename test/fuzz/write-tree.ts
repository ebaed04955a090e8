// Lays a TreeSpec (test/fuzz/tree-spec.ts) out on disk: a work folder holding the source tree, a secret folder
// beside it that no build may publish, and room for the output folder.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Block, Content, Encoding, FileSpec, LinkSpec, LinkTarget, Target, TreeSpec } from "./tree-spec.ts";

export interface FuzzWork {
  /** The folder holding everything below; nothing in it but `out` may change during a build. */
  work: string;
  tree: string;
  out: string;
  secretDir: string;
  /** Text found only in the secret folder's files. */
  secret: string;
}

/** A fresh work folder with the secret files in place and an empty source tree. */
export function makeWork(): FuzzWork {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-fuzz-"));
  const secret = `SECRET-OUTSIDE-${crypto.randomBytes(6).toString("hex")}`;
  const secretDir = path.join(work, "secret");
  const files: Record<string, string> = {
    "secret.md": `---\ntitle: ${secret}\nlayout: none\n---\n${secret}\n`,
    "secret.html": `<p>${secret}</p>{{ content }}`,
    "secret.yml": `value: ${secret}\ntitle: ${secret}\n`,
    "folder/page.md": `---\ntitle: ${secret}\nlayout: none\n---\n${secret}\n`,
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(secretDir, rel)), { recursive: true });
    fs.writeFileSync(path.join(secretDir, rel), text);
  }
  const tree = path.join(work, "tree");
  fs.mkdirSync(tree);
  return { work, tree, out: path.join(work, "out"), secretDir, secret };
}

/** The marker text of the spec's `index`th file: how a fragment is found again in the pages that include it. */
export function markerOf(index: number): string {
  return `fzmark${index}q`;
}

export const MARKER_PATTERN = /fzmark\d+q/;

/**
 * Writes the spec's files, then its symlinks. A path that cannot exist beside an earlier one (a file where a
 * folder is needed, a name taken twice, a folder reached through a symlink) is skipped: the spec stays any
 * random data, and what was written is what the build sees.
 */
export function writeTree(spec: TreeSpec, work: FuzzWork): void {
  const refs = new References(spec);
  spec.files.forEach((file, index) => {
    const full = placeFor(work.tree, file.path);
    if (full) fs.writeFileSync(full, encode(textOf(file, index, refs), file));
  });
  spec.links.forEach((link) => {
    const full = placeFor(work.tree, link.path);
    if (full) fs.symlinkSync(linkTarget(link, spec, work), full);
  });
}

/** `rel`'s absolute path once its folders exist, or undefined when something already stands in the way. */
function placeFor(root: string, rel: string): string | undefined {
  let dir = root;
  for (const part of path.posix.dirname(rel).split("/").filter((p) => p !== ".")) {
    dir = path.join(dir, part);
    const stat = fs.lstatSync(dir, { throwIfNoEntry: false });
    if (!stat) fs.mkdirSync(dir);
    else if (!stat.isDirectory()) return undefined; // a file, or a symlink we must not write through
  }
  const full = path.join(root, rel);
  return fs.lstatSync(full, { throwIfNoEntry: false }) ? undefined : full;
}

/** Resolves a spec's references by position to the files of the same spec, so that a removed file shrinks cleanly. */
class References {
  readonly pages: string[];
  readonly statics: string[];
  readonly partials: string[];
  readonly markdown: string[];

  constructor(spec: TreeSpec) {
    const paths = (keep: (c: Content) => boolean) => spec.files.filter((f) => keep(f.content)).map((f) => f.path);
    // Links go to pages that are published: a link to a hidden or unpublished page is a "missing" target's job.
    const published = (c: Content) =>
      c.kind === "markdown" && (c.front.kind === "empty" || (c.front.kind === "keys" && !c.front.entries.some(([k, v]) => k === "published" && v === "false")));
    this.pages = spec.files.filter((f) => published(f.content) && !/(?:^|\/)[_.]/.test(f.path)).map((f) => f.path);
    this.statics = paths((c) => c.kind === "static");
    this.partials = paths((c) => c.kind === "partial").map((p) => p.slice("_includes/".length));
    this.markdown = paths((c) => c.kind === "markdown");
  }

  url(target: Target, from: string): string {
    if (target.kind === "missing") return target.name;
    const list = target.kind === "page" ? this.pages.map((p) => p.replace(/\.md$/, ".html")) : this.statics;
    if (list.length === 0) return "/";
    const to = list[target.index % list.length];
    // Alternate absolute and relative links: both are how writers link.
    const href = target.index % 2 === 0 ? `/${to}` : path.posix.relative(path.posix.dirname(from), to) || path.posix.basename(to);
    return encodeURI(href) + (target.kind === "page" && target.anchor ? `#${target.anchor}` : "");
  }

  partial(index: number): string | undefined {
    return this.partials.length ? this.partials[index % this.partials.length] : undefined;
  }

  relative(index: number, from: string): string | undefined {
    if (this.markdown.length === 0) return undefined;
    return path.posix.relative(path.posix.dirname(from), this.markdown[index % this.markdown.length]);
  }
}

function textOf(file: FileSpec, index: number, refs: References): string {
  const { content } = file;
  switch (content.kind) {
    case "markdown":
      return frontMatterText(content.front) + bodyText(content.body, index, file.path, refs);
    case "partial":
      return bodyText(content.body, index, file.path, refs);
    case "layout":
    case "data":
      return content.text;
    case "static":
      return `static file ${markerOf(index)}\n`;
  }
}

function frontMatterText(front: Extract<Content, { kind: "markdown" }>["front"]): string {
  switch (front.kind) {
    case "none":
      return "";
    case "empty":
      return "---\n---\n";
    case "keys":
      return `---\n${front.entries.map(([key, value]) => `${key}: ${value}\n`).join("")}---\n`;
    case "broken":
      return front.text.includes("no closing") ? `---\n${front.text}\n` : `---\n${front.text}---\n`;
  }
}

/** The file's marker as the first paragraph, then each block. */
function bodyText(blocks: Block[], index: number, from: string, refs: References): string {
  return [markerOf(index), ...blocks.map((b) => blockText(b, from, refs))].join("\n\n") + "\n";
}

function blockText(block: Block, from: string, refs: References): string {
  switch (block.kind) {
    case "text":
      return block.text;
    case "link":
      return `[a link](${block.to.kind === "external" ? block.to.url : refs.url(block.to, from)})`;
    case "image":
      return `![an image](${refs.url(block.to, from)})`;
    case "include": {
      // A theme include carries its parameters after the name.
      if (block.to.kind === "theme") return `{% include ${block.to.name} %}`;
      const name = block.to.kind === "existing" ? refs.partial(block.to.index) ?? "none-written.html" : block.to.name;
      return `{% include ${quoted(name)} %}`;
    }
    case "include-relative": {
      const name = block.to.kind === "existing" ? refs.relative(block.to.index, from) ?? "none-written.md" : block.to.name;
      return `{% include_relative ${quoted(name)} %}`;
    }
  }
}

/** Include names with spaces are quoted, as a writer must. */
function quoted(name: string): string {
  return /\s/.test(name) ? JSON.stringify(name) : name;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Half a megabyte of plain paragraphs: a large page must build like a small one. */
const LARGE = "A long file keeps going with plain words and nothing else in it.\n\n".repeat(8000);

function encode(text: string, file: FileSpec): Buffer {
  const binary = file.content.kind === "static" && file.content.binary;
  const bytes = binary ? Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x80]), Buffer.from(text)]) : Buffer.from(text);
  return withEncoding(bytes, file.encoding, file.content.kind === "markdown" || file.content.kind === "partial");
}

function withEncoding(bytes: Buffer, encoding: Encoding, prose: boolean): Buffer {
  // The stray byte goes after the first line, where a writer's accented letter would be.
  const cut = Math.max(0, bytes.indexOf(0x0a) + 1);
  switch (encoding) {
    case "utf8":
      return bytes;
    case "bom":
      return Buffer.concat([BOM, bytes]);
    case "crlf":
      return Buffer.from(bytes.toString("latin1").replace(/\r?\n/g, "\r\n"), "latin1");
    case "latin1":
      return Buffer.concat([bytes.subarray(0, cut), Buffer.from("caf"), Buffer.from([0xe9]), Buffer.from(" au lait\n"), bytes.subarray(cut)]);
    case "nul":
      return Buffer.concat([bytes.subarray(0, cut), Buffer.from([0x00]), bytes.subarray(cut)]);
    case "empty":
      return Buffer.alloc(0);
    case "large":
      // Prose grows by paragraphs; data and layouts by blank lines, which keep YAML, JSON and HTML valid.
      return Buffer.concat([bytes, Buffer.from(prose ? `\n\n${LARGE}` : "\n".repeat(200_000))]);
  }
}

function linkTarget(link: LinkSpec, spec: TreeSpec, work: FuzzWork): string {
  const from = path.dirname(path.join(work.tree, link.path));
  const inTree = (rel: string) => path.relative(from, path.join(work.tree, rel)) || ".";
  const target: LinkTarget = link.target;
  switch (target.kind) {
    case "file":
      return spec.files.length ? inTree(spec.files[target.index % spec.files.length].path) : "nothing.md";
    case "folder":
      return spec.files.length ? inTree(path.posix.dirname(spec.files[target.index % spec.files.length].path)) : "nowhere";
    case "link":
      return inTree(spec.links[target.index % spec.links.length].path);
    case "secret":
      return path.join(work.secretDir, target.name);
    case "dangling":
      return "does-not-exist.md";
    case "self":
      return path.basename(link.path);
    case "parent":
      return "..";
  }
}
