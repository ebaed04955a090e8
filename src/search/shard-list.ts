import fs from "node:fs";
import path from "node:path";

/**
 * The file in the site's Pagefind bundle that names its other bundles, which the search dialog (assets/js/search.js)
 * merges into the first: those of a big site's index (src/search/search-bundles.ts) and of the shards of a sharded
 * build (issue 14). A JSON array of folders relative to the bundle, e.g. ["part-2/","shard-2/","shard-2/part-2/"];
 * a site of one bundle writes [] so that the dialog never asks for a missing file.
 */
export const SHARD_LIST_FILE = "shards.json";

/** A folder below the bundle, with forward slashes and a trailing slash: "shard-2/", "more/shard-3/". */
function isShardFolder(folder: string): boolean {
  if (!folder.endsWith("/") || /[\\:?#]/.test(folder)) return false;
  return folder.slice(0, -1).split("/").every((part) => part !== "" && part !== "." && part !== "..");
}

/**
 * Writes `<bundleDir>/shards.json` listing `shardFolders` in the order given (the dialog searches them in that
 * order): the same folders always give the same bytes, one line and a newline.
 */
export function writeShardList(bundleDir: string, shardFolders: string[]): void {
  for (const folder of shardFolders) {
    if (!isShardFolder(folder)) {
      throw new Error(`Shard bundle folder "${folder}" is not a folder below the search bundle (write it as "shard-2/")`);
    }
  }
  fs.writeFileSync(path.join(bundleDir, SHARD_LIST_FILE), `${JSON.stringify(shardFolders)}\n`);
}

/** The folders `<bundleDir>/shards.json` lists; none when there is no list. Throws for a list that is not one. */
export function readShardList(bundleDir: string): string[] {
  const file = path.join(bundleDir, SHARD_LIST_FILE);
  if (!fs.existsSync(file)) return [];
  const folders: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  if (!Array.isArray(folders) || !folders.every((folder) => typeof folder === "string" && isShardFolder(folder))) {
    throw new Error(`${file} is not a list of bundle folders`);
  }
  return folders as string[];
}
