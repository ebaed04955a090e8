// A problem in an include that many pages use is reported once, listing the pages, by `build` and `check`; and a
// build prints each of its problems once, not again when Eleventy takes the build over.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeFiles } from "../support/fixture-tree.ts";
import { runCli } from "../support/run-cli.ts";

const PAGES = [1, 2, 3, 4, 5];

/** A tree of its own, whose layout-free pages link nowhere but where the test says. */
function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-shared-include-"));
  // Strict filters, so that the unknown filter below fails the build as a broken link does.
  writeFiles(dir, { "_config.yml": "liquid:\n  strict_filters: true\n", "docs/elements.md": page("Catalog", "All elements."), ...files });
  return dir;
}

function page(title: string, body: string): string {
  return `---\ntitle: ${title}\nlayout: none\n---\n\n${body}\n`;
}

/** Five pages include a broken link, five others an unknown filter. */
function sharedIncludeTree(): string {
  const files: Record<string, string> = {
    "_includes/broken-link.md": "See [the guide](missing-guide.html).\n",
    "_includes/broken-liquid.md": "Title: {{ page.title | shout }}\n",
  };
  for (const n of PAGES) {
    files[`docs/link-${n}.md`] = page(`Link ${n}`, "{% include broken-link.md %}");
    files[`docs/liquid-${n}.md`] = page(`Liquid ${n}`, "{% include broken-liquid.md %}");
  }
  return tree(files);
}

const count = (text: string, part: string) => text.split(part).length - 1;

/** The human report of both shared problems, once each, with three pages named and the other two counted. */
function expectOneEntryEach(report: string): void {
  expect(count(report, "_includes/broken-link.md:1:17: error link-broken")).toBe(1);
  expect(count(report, "_includes/broken-liquid.md:1:24: error liquid-unknown-filter")).toBe(1);
  for (const n of [1, 2, 3]) {
    expect(count(report, `  included from docs/link-${n}.md:6\n`)).toBe(1);
    expect(count(report, `  included from docs/liquid-${n}.md:6\n`)).toBe(1);
  }
  expect(count(report, "  and 2 more pages\n")).toBe(2);
  expect(report).not.toContain("docs/link-4.md");
}

describe("a problem in an include that five pages use", () => {
  it("is one entry in the build's report, and the build fails", async () => {
    const source = sharedIncludeTree();
    const result = await runCli("build.ts", ["--source", source, "--out", path.join(source, "_site")]);
    expect(result.code).toBe(1);
    expectOneEntryEach(result.stderr);
    expect(count(result.stderr, "2 errors, 0 warnings")).toBe(1);
    expect(fs.existsSync(path.join(source, "_site"))).toBe(false);
  });

  it("is one entry in the check's report", async () => {
    const result = await runCli("check.ts", ["--source", sharedIncludeTree()]);
    expect(result.code).toBe(1);
    expectOneEntryEach(result.stderr);
    expect(result.stderr).toMatch(/Checked \d+ pages in [\d.]+ s: 2 errors, 0 warnings/);
  });

  it("is one JSON entry whose chains name all five pages", async () => {
    const result = await runCli("check.ts", ["--source", sharedIncludeTree(), "--format", "json"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.errorCount).toBe(2);
    expect(report.diagnostics.map((d: { file: string; chains: string[][] }) => [d.file, d.chains])).toEqual([
      ["_includes/broken-link.md", PAGES.map((n) => [`docs/link-${n}.md:6`])],
      ["_includes/broken-liquid.md", PAGES.map((n) => [`docs/liquid-${n}.md:6`])],
    ]);
  });

  it("is one GitHub annotation", async () => {
    const result = await runCli("check.ts", ["--source", sharedIncludeTree(), "--format", "github"]);
    expect(result.code).toBe(1);
    expect(count(result.stderr, "::error file=")).toBe(2);
    // Annotations name files from the working folder, which the temporary tree is outside of.
    expect(result.stderr).toMatch(/^::error file=[^,]*\/_includes\/broken-link\.md,line=1,col=17,title=link-broken::.*%0Aand 2 more pages%0Ahint: /m);
  });
});

describe("a successful build", () => {
  it("prints its one warning exactly once", async () => {
    const source = tree({ "docs/p.md": page("P", "Jump [down](#nowhere).") });
    const result = await runCli("build.ts", ["--source", source, "--out", path.join(source, "_site")]);
    expect(result.code).toBe(0);
    expect(count(result.stderr, 'docs/p.md:6:13: warning link-anchor: Broken anchor "#nowhere"')).toBe(1);
    expect(count(result.stderr, "0 errors, 1 warning")).toBe(1);
    expect(result.stdout).toContain("0 errors, 1 warning");
    expect(fs.existsSync(path.join(source, "_site/docs/p.html"))).toBe(true);
  });
});
