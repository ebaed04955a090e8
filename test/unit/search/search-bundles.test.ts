// A big site's search index is written in bundles (src/search/search-bundles.ts), which the search dialog merges.
// A small site is built, then indexed twice: in one bundle, as every site of up to 500 pages is, and in bundles of two
// pages, the way a site of 20,000 is split. Pagefind's own search script, with the bundles merged as the dialog
// merges them, must find the same pages with the same titles and excerpts, and count the same filters.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as pagefind from "pagefind";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../../src/build/build-site.ts";
import { buildSearchIndex, type SearchIndexResult } from "../../../src/search/build-search-index.ts";
import { bundleSizes, MARKED_TEXT } from "../../../src/search/search-bundles.ts";
import { startSearchFeed } from "../../../src/search/search-feed.ts";
import { readSearchIndex } from "../../e2e/support/search-index.ts";
import { serveFolder, type StaticServer } from "../../e2e/support/static-server.ts";
import { writeFiles } from "../../support/fixture-tree.ts";

/** Pagefind's search script (pagefind.js of a bundle), as far as these tests use it. */
interface SearchApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(url: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, string> }): Promise<{ results: Array<{ data(): Promise<ResultData> }> }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

interface ResultData {
  url: string;
  meta: Record<string, string>;
  excerpt: string;
  sub_results: Array<{ url: string; title: string }>;
}

const PAGES = ["capybara", "narwhal", "okapi", "quokka", "axolotl"];

let single: string;
let bundled: string;
let singleResult: SearchIndexResult;
let bundledResult: SearchIndexResult;
let planned: string;
let plannedResult: SearchIndexResult;
const servers: StaticServer[] = [];

beforeAll(async () => {
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-bundles-"));
  const pages = Object.fromEntries(
    PAGES.map((animal, i) => [
      `docs/elements/acme-crm/${animal}.md`,
      `---\nheading: Acme CRM\ntitle: ${animal[0].toUpperCase()}${animal.slice(1)} sync\nhub: crm\norder: ${i + 1}\n---\n# ${animal} sync\n\nThe ${animal} export runs nightly, like every export.\n\n## Limits\n\nAt most ${i + 1}00 ${animal} records.\n`,
    ]),
  );
  writeFiles(tree, {
    "_data/hubs.yml": "- key: crm\n  name: CRM\n",
    "docs/elements.md": "---\ntitle: Element Guides\nlayout: sidebarelementtile\n---\nEvery guide.\n",
    ...pages,
    // Pages of no layout of ours, which mark no text: last in path order, they fill a bundle of their own.
    "zebra.html": "---\ntitle: Zebra\n---\n<p>Zebra crossing notes.</p>\n",
    "zulu.html": "---\ntitle: Zulu\n---\n<p>Zulu time notes.</p>\n",
  });
  const build = await buildSite({ sourceDir: tree, workers: 0 });
  single = path.join(tree, "single");
  for (const output of build.outputs) writeFiles(single, { [output.outputPath]: output.html });
  bundled = path.join(tree, "bundled");
  fs.cpSync(single, bundled, { recursive: true });
  singleResult = await buildSearchIndex(single);
  // Every page handed over as the render hands them (files left to the end join the last bundle, however many).
  const feed = await startSearchFeed(bundled, { maxBundlePages: 2 });
  const html = (fs.readdirSync(bundled, { recursive: true, encoding: "utf8" }) as string[]).filter((file) => file.endsWith(".html"));
  for (const file of html.map((f) => f.split(path.sep).join("/")).sort()) feed.add(file, fs.readFileSync(path.join(bundled, file), "utf8"));
  bundledResult = await buildSearchIndex(bundled, feed);
  // Told how many pages come, as the render tells it: the marked pages here, the others left to the end.
  planned = path.join(tree, "planned");
  fs.cpSync(single, planned, { recursive: true, filter: (from) => path.basename(from) !== "pagefind" });
  const plannedFeed = await startSearchFeed(planned, { maxBundlePages: 3, lastBundlePages: 1 });
  const marked = html.filter((file) => MARKED_TEXT.test(fs.readFileSync(path.join(planned, file), "utf8"))).sort();
  plannedFeed.expect(marked.length);
  for (const file of marked) plannedFeed.add(file.split(path.sep).join("/"), fs.readFileSync(path.join(planned, file), "utf8"));
  plannedResult = await buildSearchIndex(planned, plannedFeed);
  servers.push(await serveFolder(single), await serveFolder(bundled));
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await pagefind.close();
});

/** The Pagefind processes this test's process has started that are still running (Linux: read from /proc). */
function runningPagefinds(): number[] {
  const state = (pid: number) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      return { name: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")), state: stat[stat.lastIndexOf(")") + 2] };
    } catch {
      return undefined; // it ended meanwhile
    }
  };
  const children = fs
    .readdirSync("/proc/self/task")
    .flatMap((thread) => fs.readFileSync(`/proc/self/task/${thread}/children`, "utf8").trim().split(/\s+/).filter(Boolean))
    .map(Number);
  // A process that has ended but is not yet reaped (a zombie, "Z") is not running.
  return children.filter((pid) => {
    const process = state(pid);
    return process !== undefined && process.name.startsWith("pagefind") && process.state !== "Z";
  });
}

/** The running Pagefind processes, once those told to stop have had up to two seconds to do so. */
async function pagefindsLeft(): Promise<number[]> {
  for (let waited = 0; waited < 2000 && runningPagefinds().length; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  return runningPagefinds();
}

/** Pagefind's search script of a site, with the bundles its shards.json lists merged in, as the dialog does. */
async function searchScript(site: string, server: StaticServer): Promise<SearchApi> {
  const api = (await import(/* @vite-ignore */ `${path.join(site, "pagefind", "pagefind.js")}?bundles`)) as SearchApi;
  await api.options({ basePath: `${server.url}pagefind/`, baseUrl: "/" });
  const page = globalThis as { document?: unknown };
  page.document = { querySelector: () => ({ getAttribute: () => "en" }) };
  try {
    await api.init();
  } finally {
    delete page.document;
  }
  const folders = JSON.parse(fs.readFileSync(path.join(site, "pagefind", "shards.json"), "utf8")) as string[];
  for (const folder of folders) await api.mergeIndex(`${server.url}pagefind/${folder}`, { baseUrl: "/", language: "en" });
  return api;
}

/** What a reader sees of each result, in page order (bundles score on their own pages, so order may differ). */
async function found(api: SearchApi, term: string | null, filters?: Record<string, string>) {
  const results = await api.search(term, { filters });
  const data = await Promise.all(results.results.map((result) => result.data()));
  return data.map(({ url, meta, excerpt, sub_results }) => ({ url, title: meta.title, excerpt, sub: sub_results.map((s) => s.url) })).sort((a, b) => a.url.localeCompare(b.url));
}

describe("the bundles of a big site's search index", () => {
  it("are as even as they can be, none over the limit, then a small last one; a small site has one", () => {
    expect(bundleSizes(undefined)).toEqual([500]);
    expect(bundleSizes(40)).toEqual([500]);
    expect(bundleSizes(500)).toEqual([500]);
    expect(bundleSizes(600)).toEqual([300, 300]);
    expect(bundleSizes(601)).toEqual([301, 300]);
    expect(bundleSizes(1500)).toEqual([400, 400, 400, 300]);
    expect(bundleSizes(2000)).toEqual([425, 425, 425, 425, 300]);
    expect(bundleSizes(10_000)).toEqual([...Array(20).fill(485), 300]);
    expect(bundleSizes(10_003)).toEqual([486, 486, 486, ...Array(17).fill(485), 300]);
    expect(bundleSizes(20_000)).toEqual([...Array(20).fill(493), ...Array(20).fill(492), 300]);
    expect(bundleSizes(7, 2, 100)).toEqual([2, 2, 2, 1]);
    expect(bundleSizes(7, 2, 1)).toEqual([2, 2, 2, 1]);
  });

  it("are written below the first, listed for the dialog, without Pagefind's own UIs", () => {
    expect(singleResult.bundles).toEqual([]);
    expect(fs.readFileSync(path.join(single, "pagefind", "shards.json"), "utf8")).toBe("[]\n");
    expect(bundledResult.bundles.length).toBeGreaterThanOrEqual(2);
    const listed = JSON.parse(fs.readFileSync(path.join(bundled, "pagefind", "shards.json"), "utf8")) as string[];
    expect(listed).toEqual(bundledResult.bundles);
    for (const folder of ["", ...listed]) {
      const files = fs.readdirSync(path.join(bundled, "pagefind", folder));
      expect(files, folder).toContain("pagefind-entry.json");
      expect(files.filter((file) => /ui|highlight/.test(file)), folder).toEqual([]);
    }
  });

  it("hold the same pages as one index: pages that mark no text in none, even a bundle of only such pages", () => {
    const urls = (site: string) => readSearchIndex(site).map((page) => page.url).sort();
    const bundledUrls = urls(bundled);
    expect(bundledResult.pageCount).toBe(singleResult.pageCount);
    expect(bundledUrls).toEqual(urls(single));
    for (const unmarked of ["/index.html", "/zebra.html", "/zulu.html"]) expect(bundledUrls).not.toContain(unmarked);
    // 404, catalog, five guide pages, home, zebra, zulu: five bundles of two, the last one dropped.
    expect(bundledResult.bundles).toEqual(["part-2/", "part-3/", "part-4/"]);
    expect(bundledUrls).toContain("/docs/elements/acme-crm/okapi.html");
  });

  it("answer queries with the same pages, titles, excerpts and anchors, and count the same filters", async () => {
    const one = await searchScript(single, servers[0]);
    const merged = await searchScript(bundled, servers[1]);
    for (const [term, filters] of [["okapi"], ["export"], ["limits"], ["records"], [null, { hub: "CRM" }]] as const) {
      const expected = await found(one, term, filters);
      expect(expected.length, String(term)).toBeGreaterThan(0);
      expect(await found(merged, term, filters), String(term)).toEqual(expected);
    }
    expect(await merged.filters()).toEqual(await one.filters());
  });

  it("are each written by a Pagefind process of their own, one at a time, stopped once its bundle is written", async () => {
    const site = path.join(path.dirname(single), "processes");
    fs.cpSync(single, site, { recursive: true, filter: (from) => path.basename(from) !== "pagefind" });
    const feed = await startSearchFeed(site, { maxBundlePages: 2 });
    const seen = new Set<number>();
    // Looks in a row that found more than one Pagefind running, and the most such looks in a row.
    let together = 0;
    let longestTogether = 0;
    const watch = setInterval(() => {
      const running = runningPagefinds();
      for (const pid of running) seen.add(pid);
      together = running.length > 1 ? together + 1 : 0;
      longestTogether = Math.max(longestTogether, together);
    }, 5);
    try {
      const files = (fs.readdirSync(site, { recursive: true, encoding: "utf8" }) as string[]).filter((file) => file.endsWith(".html")).sort();
      for (const file of files) {
        feed.add(file.split(path.sep).join("/"), fs.readFileSync(path.join(site, file), "utf8"));
        await feed.caughtUp();
      }
      await feed.finish();
      // Every bundle is written: no process is left holding the memory of its write until the feed closes.
      expect(await pagefindsLeft()).toEqual([]);
    } finally {
      clearInterval(watch);
      await feed.close();
    }
    // Five bundles of two pages, each in a process of its own (a short-lived one may end between two looks).
    expect(seen.size).toBeGreaterThanOrEqual(3);
    // A bundle's process starts once the one before has written its bundle (it holds the most memory then): two
    // are seen together only while the one told to stop ends (a few milliseconds; up to 20 here on a busy machine).
    // Indexing beside the writes, as before, they ran together for 11 looks in a row, four at once.
    expect(longestTogether).toBeLessThan(5);
  });

  it("follow the plan when the count is known: even bundles, then a small last one written at the end", () => {
    // Six marked pages, at most three a bundle, one last: 3 + 2 + 1, the unmarked files of the end joining the last.
    expect(bundleSizes(6, 3, 1)).toEqual([3, 2, 1]);
    expect(plannedResult.bundles).toEqual(["part-2/", "part-3/"]);
    const pagesOf = (folder: string) => fs.readdirSync(path.join(planned, "pagefind", folder, "fragment")).length;
    expect(["", ...plannedResult.bundles].map(pagesOf)).toEqual([3, 2, 1]);
    expect(readSearchIndex(planned).map((page) => page.url).sort()).toEqual(readSearchIndex(single).map((page) => page.url).sort());
  });
});
