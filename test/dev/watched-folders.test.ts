// What the preview's watcher leaves alone (src/dev/watched-folders.ts): folders no page comes from, its own output,
// and what editors write beside a file while it is edited, which would otherwise count as saves of the site.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ignoredByWatcher } from "../../src/dev/watched-folders.ts";

const sourceDir = path.resolve("/work/site");
const outputDir = path.join(sourceDir, ".cache/preview-out");
const ignored = (rel: string) => ignoredByWatcher(path.join(sourceDir, rel), { sourceDir, outputDir });

describe("the preview's watcher", () => {
  it("leaves alone what editors write beside the file being edited", () => {
    for (const leftover of [
      "docs/elements/tidewater/.events.md.swp",
      "_layouts/.default.html.swo",
      "_data/.glossary.yml.swx",
      "_includes/.#note.md",
      "docs/#events.md#",
      "docs/events.md~",
      "_config.yml___jb_tmp___",
      "docs/events.md___jb_old___",
    ]) {
      expect(ignored(leftover), leftover).toBe(true);
    }
  });

  it("leaves alone folders no page comes from, and the preview's own output", () => {
    for (const rel of ["node_modules/x/index.js", ".git/HEAD", "_site/index.html", "_site.tmp-12/a.html", ".cache/preview-out/index.html"]) {
      expect(ignored(rel), rel).toBe(true);
    }
  });

  it("leaves alone vim's probe file, but not a folder of that name", () => {
    const tree = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-watched-"));
    try {
      fs.mkdirSync(path.join(tree, "docs/4913"), { recursive: true });
      fs.writeFileSync(path.join(tree, "4913"), "");
      const options = { sourceDir: tree, outputDir: path.join(tree, "_site") };
      expect(ignoredByWatcher(path.join(tree, "4913"), options)).toBe(true);
      expect(ignoredByWatcher(path.join(tree, "docs/4913"), options)).toBe(false);
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });

  it("watches the site's own files, dotfiles and odd names included", () => {
    for (const rel of ["docs/elements/tidewater/events.md", ".htaccess", "_data/glossary.yml", "_layouts/default.html", "docs/notes~draft.md", "docs/4913.md", "docs/#hash.md"]) {
      expect(ignored(rel), rel).toBe(false);
    }
  });
});
