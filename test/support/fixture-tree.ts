import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** A writable copy of a source tree in a fresh temporary folder (shared fixtures are read-only in CI). */
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

export const SHARED = path.resolve(import.meta.dirname, "../../../shared");

/**
 * A writable copy of shared/fixtures/jekyll-compat that checks clean. The fixture's shared include
 * `_includes/Elements/acme/authenticate.md` links each element's Overview at `#authenticating-with-acme`, a
 * section only acme-crm's Overview has; acme-helpdesk's gets it here, as a real site would fix it. (The link
 * check reports the unpatched fixture: test/checks/check-cli.test.ts. Drop this once the shared
 * fixture has the section.) The unpatched fixture builds too, with that one warning:
 * test/integration/jekyll-compat.test.ts.
 */
export function jekyllCompatTree(): string {
  const tree = copyTree(path.join(SHARED, "fixtures/jekyll-compat"));
  fs.appendFileSync(
    path.join(tree, "docs/elements/acme-helpdesk/index.md"),
    "\n## Authenticating with Acme\n\nEvery request carries the User and Organization keys.\n",
  );
  return tree;
}
