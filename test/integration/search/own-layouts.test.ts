// With `element_guides: { layouts: own }`, pages render in the tree's theme and a few (the catalog, the home and
// 404 pages) in ours. Pagefind indexes only the pages that mark their text once any page does: our pages' mark,
// in a theme that marks nothing, once left the catalog alone in the search index.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../../bench/generate-corpus.ts";
import { readSearchIndex } from "../../e2e/support/search-index.ts";
import { writeFiles } from "../../support/fixture-tree.ts";
import { runCli } from "../../support/run-cli.ts";

/** A generated tree of element guides in a theme of its own, whose page layout is `main`. */
async function buildOwnTheme(main: string): Promise<{ site: string; urls: string[] }> {
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-own-search-"));
  generateCorpus(tree, { pages: 12 });
  fs.appendFileSync(path.join(tree, "_config.yml"), "element_guides:\n  layouts: own\n");
  writeFiles(tree, {
    "_layouts/default.html": `<html lang="en"><head><title>{{ page.title }}</title></head><body>${main}</body></html>\n`,
    "_layouts/sidebarelementdoc.html": "---\nlayout: default\n---\n{{ content }}\n",
  });
  const site = path.join(tree, "_site");
  const result = await runCli("build.ts", ["--source", tree, "--out", site]);
  if (result.code !== 0) throw new Error(`The tree did not build:\n${result.stdout}\n${result.stderr}`);
  return { site, urls: readSearchIndex(site).map((page) => page.url) };
}

const GUIDE_PAGE = "/docs/elements/element-00000/index.html";

describe("search with the tree's own layouts", () => {
  it("indexes the theme's pages when its layouts mark no text: our pages then mark none either", async () => {
    const { site, urls } = await buildOwnTheme("<main>{{ content }}</main>");
    expect(urls.filter((url) => url.startsWith("/docs/elements/element-")).length).toBe(12);
    expect(urls).toContain("/docs/elements.html");
    expect(fs.readFileSync(path.join(site, "docs/elements.html"), "utf8")).not.toContain("data-pagefind-body");
  });

  it("keeps our pages' mark when the theme marks its text, so both are indexed as marked", async () => {
    const { site, urls } = await buildOwnTheme("<nav>Theme menu</nav><main data-pagefind-body>{{ content }}</main>");
    expect(urls).toContain(GUIDE_PAGE);
    expect(urls).toContain("/docs/elements.html");
    expect(fs.readFileSync(path.join(site, "docs/elements.html"), "utf8")).toContain("data-pagefind-body");
    // The theme's menu is outside the marked text.
    const guide = readSearchIndex(site).find((page) => page.url === GUIDE_PAGE)!;
    expect(guide.content).not.toContain("Theme menu");
  });
});
