// Pagefind over pages rendered by our layouts (written straight from the in-memory build), then read back
// from the index files.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../../src/build/build-site.ts";
import { buildSearchIndex, searchIndexSummary, type SearchIndexResult } from "../../../src/search/build-search-index.ts";
import { readSearchIndex, type IndexedPage } from "../../e2e/support/search-index.ts";
import { writeFiles } from "../../support/fixture-tree.ts";

let site: string;
let result: SearchIndexResult;
let pages: IndexedPage[];

beforeAll(async () => {
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-search-"));
  writeFiles(tree, {
    "_data/hubs.yml": "- key: crm\n  name: CRM\n",
    "docs/elements.md": "---\ntitle: Element Guides\nlayout: sidebarelementtile\n---\nEvery guide.\n",
    "docs/elements/acme-crm/index.md": "---\nheading: Acme CRM\ntitle: Overview\nhub: crm\norder: 1\n---\n# Overview\n\nThe okapi element.\n",
    "docs/elements/acme-crm/events.md":
      "---\nheading: Acme CRM\ntitle: Events\nhub: crm\norder: 2\nredirect_from: /old.html\n---\n# Events\n\n## Polling\n\nPolling for zebu changes.\n\n```json\n{\"a\": 1}\n```\n",
  });
  const build = await buildSite({ sourceDir: tree, workers: 0 });
  site = path.join(tree, "_site");
  for (const output of build.outputs) writeFiles(site, { [output.outputPath]: output.html });
  result = await buildSearchIndex(site);
  pages = readSearchIndex(site);
});

describe("buildSearchIndex", () => {
  it("indexes guide pages and the catalog, not the home page, the 404 page or redirects", () => {
    expect(pages.map((p) => p.url).sort()).toEqual([
      "/docs/elements.html",
      "/docs/elements/acme-crm/events.html",
      "/docs/elements/acme-crm/index.html",
    ]);
    expect(result.pageCount).toBe(3);
  });

  it("indexes only the article's text: no sidebar, header, footer, pager, code toolbar or heading links", () => {
    const events = pages.find((p) => p.url.endsWith("events.html"))!;
    expect(events.content).toContain("Polling for zebu changes.");
    expect(events.content).toContain('{"a": 1}');
    for (const chrome of ["Overview", "Previous", "Skip to content", "JSON", "Copy", "On this page", "#"]) {
      expect(events.content).not.toContain(chrome);
    }
  });

  it("stores the page title, element and hub for results, and hub and element as filters", () => {
    const events = pages.find((p) => p.url.endsWith("events.html"))!;
    expect(events.meta).toMatchObject({ title: "Events", element: "Acme CRM", hub: "CRM" });
    expect(events.filters).toEqual({ hub: ["CRM"], element: ["Acme CRM"] });
  });

  it("writes the search API and index, without Pagefind's ready-made UIs", () => {
    const files = fs.readdirSync(path.join(site, "pagefind"));
    expect(files).toContain("pagefind.js");
    expect(files.filter((f) => /ui|highlight/.test(f))).toEqual([]);
  });

  it("writes an empty list of shard bundles beside the index: one machine, one bundle", () => {
    expect(fs.readFileSync(path.join(site, "pagefind", "shards.json"), "utf8")).toBe("[]\n");
  });

  it("reports the index on a line of its own", () => {
    expect(searchIndexSummary({ pageCount: 1234, bundles: [], seconds: 0.456 })).toBe("Search index: 1,234 pages in 0.46 s\n");
    expect(searchIndexSummary({ pageCount: 1, bundles: [], seconds: 0.1 })).toBe("Search index: 1 page in 0.10 s\n");
    expect(searchIndexSummary({ pageCount: 12000, bundles: ["part-2/", "part-3/"], seconds: 2.4 })).toBe("Search index: 12,000 pages in 3 bundles in 2.40 s\n");
  });
});
