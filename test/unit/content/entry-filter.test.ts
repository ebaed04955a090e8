// Which entries of a tree Jekyll reads: special names, exclude: as Jekyll 4.3 matches it, include:, default excludes.
import { describe, expect, it } from "vitest";
import { entryRules, fnmatch, skipsEntry } from "../../../src/content/entry-filter.ts";

const skips = (config: { exclude?: string[]; include?: string[] }, rel: string, isFolder = false) =>
  skipsEntry(entryRules(config), rel, isFolder);

describe("Jekyll's entry rules", () => {
  it("skips names starting with _ . # ~ and backups ending with ~, anywhere in the tree", () => {
    for (const rel of ["_drafts", "docs/_partials", ".git", "docs/.DS_Store", "#notes.md", "~tmp", "docs/page.md~"]) {
      expect(skips({}, rel), rel).toBe(true);
    }
    expect(skips({}, "docs/page.md")).toBe(false);
    expect(skips({}, "download")).toBe(false);
  });

  it("applies Jekyll 4.3's default excludes even when the site lists its own", () => {
    const config = { exclude: ["scripts"] };
    for (const rel of ["Gemfile", "Gemfile.lock", "node_modules", "gemfiles", "scripts"]) expect(skips(config, rel), rel).toBe(true);
    expect(skips(config, "vendor/bundle", true)).toBe(true);
    expect(skips(config, "vendor/bundle/ruby/x.rb")).toBe(true);
    expect(skips(config, "vendor/assets", true)).toBe(false);
  });

  it("matches exclude: against the path from the root, as a glob where * crosses folders, or as a prefix", () => {
    expect(skips({ exclude: ["README.md"] }, "README.md")).toBe(true);
    expect(skips({ exclude: ["README.md"] }, "docs/README.md")).toBe(false);
    expect(skips({ exclude: ["*.sh"] }, "scripts/deploy/run.sh")).toBe(true);
    expect(skips({ exclude: ["docs/*.tmp"] }, "docs/a/b.tmp")).toBe(true);
    expect(skips({ exclude: ["/scripts"] }, "scripts", true)).toBe(true);
    // Jekyll compares with start_with?: `scripts` also keeps out `scripts-old`.
    expect(skips({ exclude: ["scripts"] }, "scripts-old", true)).toBe(true);
    expect(skips({ exclude: ["docs/old/"] }, "docs/old", true)).toBe(true);
    expect(skips({ exclude: ["docs/old/"] }, "docs/older", true)).toBe(false);
  });

  it("lets include: bring back a special or excluded name, matched against the entry's own name", () => {
    expect(skips({}, ".htaccess")).toBe(false);
    expect(skips({}, "docs/.htaccess")).toBe(false);
    expect(skips({ include: ["_redirects"] }, "_redirects")).toBe(false);
    expect(skips({ include: ["_redirects"] }, ".htaccess")).toBe(true);
    expect(skips({ exclude: ["docs"], include: ["docs"] }, "docs", true)).toBe(false);
    // Jekyll matches include: against the bare name, so a path there never matches a nested entry.
    expect(skips({ include: ["docs/_hidden"] }, "docs/_hidden", true)).toBe(true);
  });

  it("reads globs as Ruby's File.fnmatch does without flags", () => {
    expect(fnmatch("*.md", "a/b.md")).toBe(true);
    expect(fnmatch("a?c", "a/c")).toBe(true);
    expect(fnmatch("[a-c]x", "bx")).toBe(true);
    expect(fnmatch("[!a-c]x", "bx")).toBe(false);
    expect(fnmatch("a\\*", "a*")).toBe(true);
    expect(fnmatch("a\\*", "ab")).toBe(false);
    expect(fnmatch("{a,b}", "a")).toBe(false);
  });
});
