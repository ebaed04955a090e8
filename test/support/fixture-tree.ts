import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** A writable copy of a source tree in a fresh temporary folder (so a test never changes the repository's fixtures). */
export function copyTree(from: string, filter?: (rel: string) => boolean): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-test-"));
  fs.cpSync(from, dir, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(from, src);
      if (rel.split(path.sep).some((part) => part === "node_modules" || part === "_site" || part === ".git")) return false;
      return filter ? filter(rel) : true;
    },
  });
  makeWritable(dir);
  return dir;
}

/** Writes files (relative path -> content) into a tree, creating folders as needed. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

function makeWritable(dir: string): void {
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    fs.chmodSync(full, entry.isDirectory() ? 0o755 : 0o644);
  }
  fs.chmodSync(dir, 0o755);
}

/** The Jekyll-era content tree every end-to-end test starts from (see its README). */
const JEKYLL_COMPAT = path.resolve(import.meta.dirname, "../fixtures/jekyll-compat");

/** A writable copy of test/fixtures/jekyll-compat in a fresh temporary folder; it checks clean. */
export function jekyllCompatTree(): string {
  return copyTree(JEKYLL_COMPAT);
}

/** The text of the fixture tree's _config.yml, for a test that adds a setting to it. */
export function jekyllCompatConfig(): string {
  return fs.readFileSync(path.join(JEKYLL_COMPAT, "_config.yml"), "utf8");
}
