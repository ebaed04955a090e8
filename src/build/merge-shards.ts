import fs from "node:fs";
import path from "node:path";
import type { ShardIdentity } from "../render/site-build.ts";
import { OUTPUT_MARKER } from "./output-guard.ts";
import { TWIN_PART_FILE } from "./twin-part.ts";
import { readShardList, SHARD_LIST_FILE, writeShardList } from "../search/shard-list.ts";
import { MANIFEST_FILE, readManifest, ShardRefusal, type ShardManifest } from "./shard-manifest.ts";

/** The shard folders of one merge, each with its manifest, in shard order. */
export interface ShardSet {
  dirs: string[];
  manifests: ShardManifest[];
}

/**
 * Reads every shard's manifest and refuses a set the merge cannot take: a folder that is no shard, shards of
 * different splits or builds, a shard given twice or missing.
 */
export function readShards(dirs: readonly string[]): ShardSet {
  const read = dirs.map((dir) => ({ dir, manifest: readManifest(dir) }));
  const [first] = read;
  const count = first.manifest.shard.count;
  for (const { dir, manifest } of read) {
    if (manifest.shard.count !== count) {
      throw new ShardRefusal(`${dir} is shard ${label(manifest)}, but ${first.dir} is shard ${label(first.manifest)}: they belong to different splits.`, SAME_SPLIT);
    }
    const other = identityDifference(manifest.identity, first.manifest.identity);
    if (other) throw new ShardRefusal(`${dir} and ${first.dir} were built ${other}.`, SAME_BUILD);
  }
  const byIndex = new Map<number, { dir: string; manifest: ShardManifest }>();
  for (const shard of read) {
    const twin = byIndex.get(shard.manifest.shard.index);
    if (twin) throw new ShardRefusal(`${twin.dir} and ${shard.dir} are both shard ${label(shard.manifest)}.`, SAME_SPLIT);
    byIndex.set(shard.manifest.shard.index, shard);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !byIndex.has(index));
  if (missing.length) {
    throw new ShardRefusal(
      `Shard${missing.length > 1 ? "s" : ""} ${missing.map((index) => `${index}/${count}`).join(", ")} ${missing.length > 1 ? "are" : "is"} missing: a merge needs every shard of the split.`,
      SAME_SPLIT,
    );
  }
  const ordered = [...byIndex.values()].sort((a, b) => a.manifest.shard.index - b.manifest.shard.index);
  for (const { dir, manifest } of ordered) checkShardFolder(dir, manifest);
  return { dirs: ordered.map((shard) => shard.dir), manifests: ordered.map((shard) => shard.manifest) };
}

const SAME_SPLIT = "Merge the folders of one split: `--shard 1/N` to `--shard N/N`, each built once.";
const SAME_BUILD = "Build every shard and the merge from one checkout, with the same options and version of Element Guides.";

/** What a shard folder holds besides the files its manifest lists (its search bundle is checked apart). */
export const SHARD_OWN_FILES: ReadonlySet<string> = new Set([MANIFEST_FILE, OUTPUT_MARKER, TWIN_PART_FILE]);
const SEARCH_ENTRY = "pagefind/pagefind-entry.json";

/**
 * A shard folder must hold the files its manifest lists, its search bundle as the manifest lists it (each file of
 * its size), and nothing else. A page deleted by hand used to be missing from the site without a word (element
 * folders are moved whole), or to fail the move halfway, after other shards' files had gone into the discarded
 * site; a file added by hand was published with the folder it sat in, and one of the search bundle's deleted left
 * a bundle search could not read. Checked before anything moves.
 */
function checkShardFolder(dir: string, manifest: ShardManifest): void {
  const missing = new Set(manifest.files);
  const searchSizes = new Map(manifest.searchFiles);
  for (const file of searchSizes.keys()) missing.add(file);
  if (!fs.existsSync(path.join(dir, SEARCH_ENTRY))) missing.add(SEARCH_ENTRY);
  if (!fs.existsSync(path.join(dir, TWIN_PART_FILE))) missing.add(TWIN_PART_FILE);
  else checkTwinRanges(dir, manifest);
  const extra: string[] = [];
  for (const [file, size] of filesOf(dir)) {
    if (!missing.delete(file) && !SHARD_OWN_FILES.has(file)) extra.push(file);
    else if (searchSizes.has(file) && searchSizes.get(file) !== size) {
      throw new ShardRefusal(`${dir} holds ${file} changed since its build wrote it: the search bundle is damaged.`, `Build shard ${label(manifest)} again, into an empty folder.`);
    }
  }
  if (missing.size) {
    throw new ShardRefusal(`${dir} lacks ${listOf([...missing])} that its manifest lists: the shard is incomplete.`, `Build shard ${label(manifest)} again, into an empty folder.`);
  }
  if (extra.length) {
    const them = extra.length > 1 ? "them" : "it";
    throw new ShardRefusal(
      `${dir} holds ${listOf(extra.sort())} that its build did not write: the merge would publish ${them}.`,
      `Remove ${them}, or build shard ${label(manifest)} again, into an empty folder.`,
    );
  }
}

/**
 * Each twin the manifest places in the shard's TWIN_PART_FILE must be one the shard wrote, and lie inside that file:
 * llms-full.txt would otherwise hold other bytes than the twin, without a word.
 */
function checkTwinRanges(dir: string, manifest: ShardManifest): void {
  const size = fs.statSync(path.join(dir, TWIN_PART_FILE)).size;
  const files = new Set(manifest.files);
  const wrong = manifest.twins.find(([twin, offset, length]) => !files.has(twin) || offset + length > size);
  if (wrong) {
    throw new ShardRefusal(
      `${path.join(dir, TWIN_PART_FILE)} does not hold ${wrong[0]} where ${MANIFEST_FILE} says: the shard was changed by hand.`,
      `Build shard ${label(manifest)} again, into an empty folder.`,
    );
  }
}

/** The files of a folder, as `/` paths relative to it, with their sizes. */
export function filesOf(dir: string): Array<[file: string, size: number]> {
  const files: Array<[string, number]> = [];
  const walk = (folder: string, prefix: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const rel = prefix + entry.name;
      if (entry.isDirectory()) walk(path.join(folder, entry.name), `${rel}/`);
      else files.push([rel, fs.lstatSync(path.join(folder, entry.name)).size]);
    }
  };
  walk(dir, "");
  return files;
}

/** "docs/a.html", or "3 files (docs/a.html, docs/b.html, …)". */
function listOf(files: string[]): string {
  if (files.length === 1) return files[0];
  return `${files.length} files (${files.slice(0, 3).join(", ")}${files.length > 3 ? ", …" : ""})`;
}

function label(manifest: ShardManifest): string {
  return `${manifest.shard.index}/${manifest.shard.count}`;
}

/** How two identities differ, as the end of a sentence ("from different commits (1a2b3c4d5e6f and 5d6e7f8a9b0c)"); undefined when they agree. */
function identityDifference(a: ShardIdentity, b: ShardIdentity): string | undefined {
  if (a.generator !== b.generator) return `by different versions of Element Guides (${a.generator} and ${b.generator})`;
  if (a.commit !== b.commit) return `from different commits (${short(a.commit)} and ${short(b.commit)})`;
  if (a.baseurl !== b.baseurl) return `for different base paths (--base "${a.baseurl || "/"}" and "${b.baseurl || "/"}")`;
  if (a.tree !== b.tree) return "from different sources or configuration (uncommitted changes, another _config.yml, data or static file)";
  if (a.clock !== b.clock) return `with a different site.time or time zone (${a.clock} and ${b.clock}: SOURCE_DATE_EPOCH or TZ set otherwise in each job)`;
  return undefined;
}

function short(commit: string | undefined): string {
  return commit ? commit.slice(0, 12) : "no git commit";
}

/**
 * Moves every file the shards wrote into the site folder (renames: the shards' folders are consumed), and the
 * search bundles: the first kept is the site's `pagefind/` (every bundle carries the same pagefind.js), shard k's
 * goes to `pagefind/shard-k/`, each with the further bundles of its index below it. Returns those folders, relative
 * to `pagefind/`, listed in its shards.json for the search UI to merge, and the pages their indexes hold.
 */
export function moveShardFiles(
  shards: ShardSet,
  siteDir: string,
  /** A file that lists each move before it is made, so that a merge killed midway can be undone (`undoMoves`). */
  journal: string,
): { bundles: string[]; searchPages: number; undo(): void } {
  const made = new Set<string>();
  const moved: Array<[from: string, to: string]> = [];
  const note = (step: JournalStep) => fs.appendFileSync(journal, JSON.stringify(step) + "\n");
  const move = (from: string, to: string) => {
    const folder = path.dirname(to);
    if (!made.has(folder)) fs.mkdirSync(folder, { recursive: true });
    made.add(folder);
    note({ move: [from, to] });
    relocate(from, to);
    moved.push([from, to]);
  };
  const restores: Array<() => void> = [];
  const undo = () => {
    for (const restore of restores.reverse()) restore();
    for (const [from, to] of moved.reverse()) if (fs.existsSync(to)) relocate(to, from);
  };
  try {
    const winners = collisionWinners(shards.manifests);
    wholeFolders(shards.manifests).forEach((entries, i) => {
      for (const entry of entries) if ((winners.get(entry) ?? i) === i) move(path.join(shards.dirs[i], entry), path.join(siteDir, entry));
    });
    const kept = searchedShards(shards.manifests);
    const bundles: string[] = [];
    kept.forEach((i, n) => {
      const folder = n === 0 ? "" : `shard-${shards.manifests[i].shard.index}/`;
      const bundleDir = path.join(siteDir, "pagefind", folder);
      move(path.join(shards.dirs[i], "pagefind"), bundleDir);
      // A big shard's index is in bundles of its own (src/search/search-bundles.ts), which its list names.
      bundles.push(...(folder ? [folder] : []), ...bundlesBelow(bundleDir, shards.dirs[i]).map((part) => folder + part));
    });
    // The site's list of bundles replaces the first kept shard's own, which the undo puts back with its folder.
    const listFile = path.join(siteDir, "pagefind", SHARD_LIST_FILE);
    const ownList = fs.existsSync(listFile) ? fs.readFileSync(listFile) : undefined;
    restores.push(() => (ownList === undefined ? fs.rmSync(listFile, { force: true }) : fs.writeFileSync(listFile, ownList)));
    note({ rewrite: [listFile, ownList === undefined ? null : ownList.toString("base64")] });
    writeShardList(path.join(siteDir, "pagefind"), bundles);
    return { bundles, searchPages: kept.reduce((sum, i) => sum + shards.manifests[i].searchPages, 0), undo };
  } catch (error) {
    undo();
    throw readOnlyShard(error) ?? error;
  }
}

/** The refusal for a shard folder the merge cannot take files out of (a read-only mount, another user's files). */
function readOnlyShard(error: unknown): ShardRefusal | undefined {
  const { code, path: file } = error as NodeJS.ErrnoException;
  if (code !== "EROFS" && code !== "EACCES" && code !== "EPERM") return undefined;
  return new ShardRefusal(
    `${file ?? "A shard's file"} cannot be moved out of its shard folder (${code}): the merge moves the shards' files into the site, and this folder does not let it.`,
    "Copy the shard folders to a place you can write to (or download the artifacts there), and merge the copies.",
  );
}

/** One line of a merge's journal: a file or folder moved from a shard into the site, or a file about to be rewritten. */
type JournalStep = { move: [from: string, to: string] } | { rewrite: [file: string, base64: string | null] };

function isJournalStep(value: unknown): value is JournalStep {
  if (typeof value !== "object" || value === null) return false;
  const { move, rewrite } = value as { move?: unknown; rewrite?: unknown };
  if (Array.isArray(move)) return move.length === 2 && move.every((part) => typeof part === "string");
  return Array.isArray(rewrite) && rewrite.length === 2 && typeof rewrite[0] === "string" && (typeof rewrite[1] === "string" || rewrite[1] === null);
}

/**
 * Undoes what a merge's journal says it did, last step first, as far as it got: each moved file or folder still in
 * the site folder goes back to its shard, a rewritten file gets its old content. For a merge killed while it moved
 * (kill -9, a lost runner), so that the shards can be merged again. Returns how many moves it undid, or undefined
 * for a file that is no journal.
 */
export function undoMoves(journal: string): number | undefined {
  const lines = fs.readFileSync(journal, "utf8").split("\n");
  const steps = lines.flatMap((line): JournalStep[] => {
    try {
      const step: unknown = line ? JSON.parse(line) : undefined;
      return isJournalStep(step) ? [step] : [];
    } catch {
      return []; // the last line, cut by the kill: its step was not made
    }
  });
  // A file of that name that no merge wrote is not ours to act on.
  if (lines[0] !== "" && steps.length === 0) return undefined;
  let undone = 0;
  for (const step of steps.reverse()) {
    if ("rewrite" in step) {
      const [file, base64] = step.rewrite;
      if (!fs.existsSync(path.dirname(file))) continue;
      if (base64 === null) fs.rmSync(file, { force: true });
      else fs.writeFileSync(file, Buffer.from(base64, "base64"));
      continue;
    }
    const [from, to] = step.move;
    if (!fs.existsSync(to)) continue;
    // What is at `to` is whole (relocate renames a copy into place); a shard's file still there is what a kill left
    // of deleting it after the copy.
    fs.rmSync(from, { recursive: true, force: true });
    relocate(to, from);
    undone++;
  }
  return undone;
}

/**
 * The further bundles a shard's index lists (src/search/shard-list.ts). The list must name each bundle below the
 * shard's, once: one left out would be published but never searched, one named twice would show its results twice,
 * one missing would fail the dialog's search. A list changed by hand refuses the merge.
 */
function bundlesBelow(bundleDir: string, shardDir: string): string[] {
  let listed: string[] | undefined;
  try {
    listed = readShardList(bundleDir);
  } catch {
    // reported below
  }
  const present = fs
    .readdirSync(bundleDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(bundleDir, entry.name, "pagefind-entry.json")))
    .map((entry) => `${entry.name}/`);
  if (listed && [...listed].sort().join("\n") === present.sort().join("\n")) return listed;
  throw new ShardRefusal(
    `${path.join(shardDir, "pagefind", "shards.json")} does not list its search bundles as the shard wrote them: it was changed by hand.`,
    "Build the shard again, into an empty folder.",
  );
}

/**
 * Renames a file or folder, making its folder; one on another disk is copied beside its place, renamed into it,
 * then removed: whatever is at `to` is whole, whenever the merge is killed (undoMoves relies on it).
 */
function relocate(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  try {
    fs.renameSync(from, to);
  } catch (error) {
    // Shards downloaded to another disk than the site's cannot be renamed into it.
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    const copying = `${to}.copying-${process.pid}`;
    fs.rmSync(copying, { recursive: true, force: true });
    fs.cpSync(from, copying, { recursive: true });
    fs.renameSync(copying, to);
    fs.rmSync(from, { recursive: true, force: true });
  }
}

/**
 * The shards whose search bundles the site keeps, as one build's index would hold their pages: when some page of the
 * site marks its text (`data-pagefind-body`), only the shards that have such pages (the others indexed every page
 * in full, as Pagefind does when it meets none); else every shard. Shard 1 stands first when there is no other choice.
 */
function searchedShards(manifests: readonly ShardManifest[]): number[] {
  const all = manifests.map((_, i) => i);
  const marked = all.filter((i) => manifests[i].searchBodyPages > 0);
  const kept = marked.length ? marked : all;
  const withPages = kept.filter((i) => manifests[i].searchPages > 0);
  return withPages.length ? withPages : kept.slice(0, 1);
}

/**
 * Files two shards wrote (two pages of one output path, which `_config.yml` may let through as a warning), each with
 * the shard whose copy one build keeps: it writes them in render order, so the page that renders last wins, with its
 * twin. The other copies stay in their shard folders.
 */
export function collisionWinners(manifests: readonly ShardManifest[]): Map<string, number> {
  const last = new Map<string, { shard: number; position: number }>();
  const writers = new Map<string, Set<number>>();
  manifests.forEach((manifest, shard) => {
    for (const { position, page, twin } of manifest.pages) {
      for (const file of twin === undefined ? [page.outputPath] : [page.outputPath, twin]) {
        if (!writers.has(file)) writers.set(file, new Set());
        writers.get(file)!.add(shard);
        if ((last.get(file)?.position ?? -1) < position) last.set(file, { shard, position });
      }
    }
  });
  const winners = new Map<string, number>();
  for (const [file, shards] of writers) if (shards.size > 1) winners.set(file, last.get(file)!.shard);
  return winners;
}

/**
 * What to move of each shard's files: each folder that no other shard writes into, whole (an element's folder is one
 * rename, not one per page and twin), and its files in folders shared with other shards.
 */
function wholeFolders(manifests: readonly ShardManifest[]): string[][] {
  const writers = new Map<string, Set<number>>();
  manifests.forEach((manifest, shard) => {
    for (const file of manifest.files) {
      for (let slash = file.indexOf("/"); slash !== -1; slash = file.indexOf("/", slash + 1)) {
        const folder = file.slice(0, slash);
        const set = writers.get(folder) ?? new Set<number>();
        set.add(shard);
        writers.set(folder, set);
      }
    }
  });
  return manifests.map((manifest) => {
    const entries = new Set<string>();
    for (const file of manifest.files) {
      let entry = file;
      for (let slash = file.indexOf("/"); slash !== -1; slash = file.indexOf("/", slash + 1)) {
        const folder = file.slice(0, slash);
        if (writers.get(folder)!.size === 1) {
          entry = folder;
          break;
        }
      }
      entries.add(entry);
    }
    return [...entries];
  });
}
