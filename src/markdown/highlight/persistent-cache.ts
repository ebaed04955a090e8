import fs from "node:fs";
import path from "node:path";
import { highlighterCacheKey } from "./code-highlighter.ts";

/**
 * Highlighted code blocks saved between builds, so a warm build skips Shiki for examples that did not
 * change. The file is named after highlighterCacheKey() (cache format, Shiki and tokenizer versions, engine,
 * themes) and only the file of the current key is read: a cache restored from an older run, or written by
 * another version, is never used, and the next write deletes it. Each entry is keyed by its code and grammar.
 */
export function highlightCacheFile(cacheDir: string): string {
  const name = highlighterCacheKey().replace(/[^a-z0-9.@-]+/gi, "_");
  return path.join(cacheDir, "highlight", `${name}.json`);
}

export function readHighlightCache(cacheDir: string): Array<[string, string]> {
  try {
    const entries: unknown = JSON.parse(fs.readFileSync(highlightCacheFile(cacheDir), "utf8"));
    return Array.isArray(entries) ? entries.filter(isEntry) : [];
  } catch {
    return []; // no cache yet, or a damaged one: highlight everything again
  }
}

/** Replaces the cache with what this build used; written beside and renamed, so readers never see half a file. */
export function writeHighlightCache(cacheDir: string, entries: Iterable<[string, string]>): void {
  const file = highlightCacheFile(cacheDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Caches of other Shiki versions or themes will not be read again, nor the half-written file of a build
  // killed while it wrote (a build writing now keeps touching its own, so one not written to for long is left over).
  for (const name of fs.readdirSync(path.dirname(file))) {
    const other = path.join(path.dirname(file), name);
    if (name.endsWith(".json") ? name !== path.basename(file) : LEFTOVER.test(name) && untouchedFor(other, LEFTOVER_AGE_MS)) {
      fs.rmSync(other, { force: true });
    }
  }
  const temporary = `${file}.tmp-${process.pid}`;
  // Written a few hundred entries at a time: the whole cache as one string (and its bytes) was the biggest
  // thing in memory at the end of a 10,000-page build.
  const fd = fs.openSync(temporary, "w");
  try {
    let chunk: string[] = [];
    let first = true;
    const flush = () => {
      fs.writeSync(fd, (first ? "[" : ",") + chunk.join(","));
      first = false;
      chunk = [];
    };
    for (const entry of entries) {
      chunk.push(JSON.stringify(entry));
      if (chunk.length === 500) flush();
    }
    if (chunk.length || first) flush();
    fs.writeSync(fd, "]");
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(temporary, file);
  } catch (error) {
    // A folder where the cache goes, say: the cache is not saved, and nothing of this write stays.
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** The temporary file of a write (`<key>.json.tmp-<pid>`), and how long unwritten it counts as left over. */
const LEFTOVER = /\.json\.tmp-\d+$/;
const LEFTOVER_AGE_MS = 10 * 60_000;

function untouchedFor(file: string, ms: number): boolean {
  try {
    return fs.statSync(file).mtimeMs < Date.now() - ms;
  } catch {
    return false; // gone already: its build finished
  }
}

/** A `[key, html]` pair; anything else in a damaged file is left out (and highlighted again). */
function isEntry(entry: unknown): entry is [string, string] {
  return Array.isArray(entry) && entry.length === 2 && typeof entry[0] === "string" && typeof entry[1] === "string";
}
