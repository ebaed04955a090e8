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

/** Pagefind's fragment files, one per indexed page: gzip, a "pagefind_dcd" signature, then JSON. */
export function readSearchIndex(siteDir: string): IndexedPage[] {
  const dir = path.join(siteDir, "pagefind", "fragment");
  return fs.readdirSync(dir).map((file) => {
    const bytes = zlib.gunzipSync(fs.readFileSync(path.join(dir, file)));
    return JSON.parse(bytes.subarray("pagefind_dcd".length).toString("utf8")) as IndexedPage;
  });
}
