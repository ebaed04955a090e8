import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/** One page as Pagefind stored it in the index. */
export interface IndexedPage {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/**
 * Every page of a site's search index: Pagefind's fragment files, one per indexed page (gzip, a "pagefind_dcd"
 * signature, then JSON), of its first bundle and of the others its shards.json lists.
 */
export function readSearchIndex(siteDir: string): IndexedPage[] {
  const bundleDir = path.join(siteDir, "pagefind");
  const listFile = path.join(bundleDir, "shards.json");
  const others = fs.existsSync(listFile) ? (JSON.parse(fs.readFileSync(listFile, "utf8")) as string[]) : [];
  return ["", ...others].flatMap((folder) => {
    const dir = path.join(bundleDir, folder, "fragment");
    return fs.readdirSync(dir).map((file) => {
      const bytes = zlib.gunzipSync(fs.readFileSync(path.join(dir, file)));
      return JSON.parse(bytes.subarray("pagefind_dcd".length).toString("utf8")) as IndexedPage;
    });
  });
}
