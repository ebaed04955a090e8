import fs from "node:fs";
import path from "node:path";

/**
 * The file in the site's Pagefind bundle that names the other bundles of a sharded site (issue 14), which the
 * search dialog (assets/js/search.js) merges into the first: a JSON array of folders relative to the bundle,
 * e.g. ["shard-2/","shard-3/"]. A one-machine build writes [] so that the dialog never asks for a missing file.
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
