// The build hands Pagefind each page reduced to what it reads (src/search/search-document.ts). Search must answer
// as if it had been given the whole pages: the languages fixture, with a page of highlighted code and the catalog
// added, is built as users build it, its pages are indexed again whole with Pagefind's Node API, and both bundles
// are queried with Pagefind's own search script in Node — words in prose, in headings, in code, a filter, page
// titles, a Korean page — for the same pages, titles, sub-results and excerpts.
import fs from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOT_TEXT_CLASSES, searchDocument } from "../../../src/search/search-document.ts";
import { readSearchIndex } from "../../e2e/support/search-index.ts";
import { serveFolder, type StaticServer } from "../../e2e/support/static-server.ts";
import { copyTree, writeFiles } from "../../support/fixture-tree.ts";
import { runCli } from "../../support/run-cli.ts";

const FIXTURE = path.resolve(import.meta.dirname, "../../fixtures/languages");

/** Pagefind's search script (pagefind.js of a bundle), as far as these tests use it. */
interface SearchApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, string> }): Promise<{ results: Array<{ score: number; words: number[]; data(): Promise<ResultData> }> }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

interface ResultData {
  url: string;
  meta: Record<string, string>;
  excerpt: string;
  sub_results: Array<{ url: string; title: string; excerpt: string }>;
}

let built: string;
let whole: string;
let servers: StaticServer[] = [];

beforeAll(async () => {
  const tree = copyTree(FIXTURE);
  writeFiles(tree, {
    "_data/hubs.yml": "- key: helpdesk\n  name: Helpdesk\n",
    "docs/elements.md": "---\ntitle: Element Guides\nlayout: sidebarelementtile\n---\nEvery guide.\n",
    "docs/elements/acme-desk/examples.md": [
      "---\ntitle: Examples\norder: 60\n---\n# Examples\n\nRequests for the okapi export.\n\n## Create a ticket\n",
      '```json\n{\n  "zebuCursor": "abc&<1>",\n  "limit": 50\n}\n```\n',
      "## Download\n\n```bash\ncurl -X GET https://api.acme.test/tickets \\\n  -H 'Accept: text/csv' --quokka\n```\n",
    ].join("\n"),
  });
  built = path.join(tree, "_site");
  const result = await runCli("build.ts", ["--source", tree, "--out", built]);
  if (result.code !== 0) throw new Error(`The fixture did not build:\n${result.stdout}\n${result.stderr}`);
  whole = path.join(tree, "_whole");
  await indexWholePages(built, whole);
  servers = await Promise.all([serveFolder(path.join(built, "pagefind")), serveFolder(path.join(whole, "pagefind"))]);
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await pagefind.close();
});

/** The site's pages indexed whole, as Pagefind indexes files it finds on disk, into `<into>/pagefind/`. */
async function indexWholePages(site: string, into: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ keepIndexUrl: true, excludeSelectors: NOT_TEXT_CLASSES.map((name) => `.${name}`) });
  if (!index) throw new Error(errors.join("; "));
  const files = fs.readdirSync(site, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".html") && !file.startsWith("pagefind"));
  for (const file of files.sort()) {
    const added = await index.addHTMLFile({ sourcePath: file.split(path.sep).join("/"), content: fs.readFileSync(path.join(site, file), "utf8") });
    if (added.errors.length) throw new Error(added.errors.join("; "));
  }
  const written = await index.writeFiles({ outputPath: path.join(into, "pagefind") });
  if (written.errors.length) throw new Error(written.errors.join("; "));
}

/** Pagefind's search script of each bundle (the build's, then the whole pages'), set up for `language`. */
async function searchScripts(language: string): Promise<SearchApi[]> {
  const scripts: SearchApi[] = [];
  for (const [i, site] of [built, whole].entries()) {
    // A query string makes a module of its own per bundle and language.
    const file = `${path.join(site, "pagefind", "pagefind.js")}?${language}`;
    const api = (await import(/* @vite-ignore */ file)) as SearchApi;
    await api.options({ basePath: servers[i].url, baseUrl: "/", excerptLength: 18 });
    // The script takes its language from the page it runs on, <html lang>: a stand-in for that page.
    const page = globalThis as { document?: unknown };
    page.document = { querySelector: () => ({ getAttribute: () => language }) };
    try {
      await api.init();
    } finally {
      delete page.document;
    }
    scripts.push(api);
  }
  return scripts;
}

/** Everything a reader sees of the results: order, score, pages, titles, sub-results and excerpts. */
async function answer(api: SearchApi, term: string | null, filters?: Record<string, string>) {
  const found = await api.search(term, { filters });
  return Promise.all(found.results.map(async (result) => ({ score: result.score, words: result.words, ...(await result.data()) })));
}

describe("search over the build's reduced pages", () => {
  it("indexes the same text, anchors, titles and filters as over the whole pages", () => {
    const byUrl = (site: string) => Object.fromEntries(readSearchIndex(site).map((page) => [page.url, page]));
    const ours = byUrl(built);
    expect(Object.keys(ours)).toContain("/docs/elements/acme-desk/examples.html");
    expect(ours).toEqual(byUrl(whole));
    // The guide pages did go to Pagefind reduced (else this would compare the whole pages with themselves).
    for (const page of ["docs/elements/acme-desk/examples.html", "docs/elements/acme-desk/ko/index.html"]) {
      const html = fs.readFileSync(path.join(built, page), "utf8");
      expect(searchDocument(html).length, page).toBeLessThan(html.length / 2);
    }
  });

  it("answers English queries with the same pages, titles, sub-results and excerpts", async () => {
    const [ours, theirs] = await searchScripts("en");
    const queries: Array<[string | null, Record<string, string>?]> = [
      ["okapi"], // prose
      ["deletions"], // a heading
      ["zebuCursor"], // highlighted JSON
      ["quokka"], // highlighted bash
      ["tickets"], // many pages
      ["Copy"], // the code toolbar, not indexed
      [null, { hub: "Helpdesk" }], // a filter alone
      ["events", { element: "Acme Desk" }],
    ];
    for (const [term, filters] of queries) {
      const expected = await answer(theirs, term, filters);
      expect(await answer(ours, term, filters), `${term} ${JSON.stringify(filters ?? {})}`).toEqual(expected);
    }
    expect(await ours.filters()).toEqual(await theirs.filters());

    const code = await answer(ours, "zebuCursor");
    expect(code.map((r) => [r.url, r.meta.title])).toEqual([["/docs/elements/acme-desk/examples.html", "Examples"]]);
    expect(code[0].sub_results.map((s) => s.url)).toEqual(["/docs/elements/acme-desk/examples.html#create-a-ticket"]);
    expect(code[0].excerpt).toContain('<mark>"zebuCursor":</mark>');
    const heading = await answer(ours, "deletions");
    expect(heading[0].sub_results.map((s) => s.title)).toContain("Deletions");
    expect(await answer(ours, "Copy")).toEqual([]);
    expect((await answer(ours, null, { hub: "Helpdesk" })).length).toBeGreaterThan(3);
  });

  it("answers Korean queries on the Korean pages alike", async () => {
    const [ours, theirs] = await searchScripts("ko");
    for (const term of ["티켓", "용어집", "제한"]) expect(await answer(ours, term), term).toEqual(await answer(theirs, term));
    const found = await answer(ours, "티켓");
    expect(found.map((r) => r.url)).toContain("/docs/elements/acme-desk/ko/index.html");
    expect(found.every((r) => r.url.includes("/ko/"))).toBe(true);
  });
});
