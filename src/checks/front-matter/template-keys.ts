import fs from "node:fs";
import path from "node:path";
import { pageKeysRead } from "../../content/page-keys-read.ts";

/**
 * Every `page.<key>` read by the templates of a site: its `_includes` and `_layouts` folders (the tree's and ours)
 * and any other partial the pages pulled in (include_relative fragments). A front matter key that some template
 * reads is a page variable, not a typo.
 */
export function templatePageKeys(folders: readonly string[], extraFiles: Iterable<string>): Set<string> {
  const keys = new Set<string>();
  const files = new Set<string>(extraFiles);
  for (const folder of folders) {
    if (!fs.existsSync(folder)) continue;
    for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files.add(path.join(entry.parentPath, entry.name));
    }
  }
  for (const file of files) {
    try {
      pageKeysRead(fs.readFileSync(file, "utf8"), keys);
    } catch {
      // A file that vanished since the render: nothing to read.
    }
  }
  return keys;
}
