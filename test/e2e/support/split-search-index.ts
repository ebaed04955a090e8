import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSearchIndex } from "../../../src/search/build-search-index.ts";
import { writeShardList } from "../../../src/search/shard-list.ts";
import { htmlFiles } from "../../deploy/support/site-urls.ts";

/**
 * A copy of the built site `siteDir` at `into` whose search index is split as a merge of sharded builds lays it out
 * (issue 14): the HTML files are parted by `shardOf` (1 to `shards`), each part is indexed on its own as a build
 * indexes a site, part 1's bundle stays at pagefind/, part k's goes to pagefind/shard-k/, and pagefind/shards.json
 * lists the others. Returns the folder each part's files went to, for a test to say which shard a page is in.
 */
export async function splitSearchIndex(siteDir: string, into: string, shards: number, shardOf: (rel: string) => number): Promise<string[][]> {
  fs.cpSync(siteDir, into, { recursive: true, filter: (src) => path.relative(siteDir, src) !== "pagefind" });
  const parts: string[][] = Array.from({ length: shards }, () => []);
  for (const rel of htmlFiles(siteDir)) parts[shardOf(rel) - 1].push(rel);
  const bundle = path.join(into, "pagefind");
  for (const [i, files] of parts.entries()) {
    // Pagefind indexes every page of a bundle in full when none of them has a data-pagefind-body.
    if (!files.length) throw new Error(`Shard ${i + 1} of the split has no HTML file`);
    const part = fs.mkdtempSync(path.join(os.tmpdir(), `element-guides-part-${i + 1}-`));
    for (const rel of files) fs.cpSync(path.join(siteDir, rel), path.join(part, rel));
    await buildSearchIndex(part);
    fs.cpSync(path.join(part, "pagefind"), i === 0 ? bundle : path.join(bundle, `shard-${i + 1}`), { recursive: true });
  }
  writeShardList(bundle, parts.slice(1).map((_, i) => `shard-${i + 2}/`));
  return parts;
}
