// Search on a site built in shards (issue 14): each shard's Pagefind bundle is kept, the first at pagefind/, the
// others at pagefind/shard-k/, listed in pagefind/shards.json, and the search dialog merges them. The same
// fixture is built on one machine, then its index is split three ways by hand (so that a test knows which shard
// holds which page), and it is built again with --shard 1/3..3/3 and --merge. In Chromium, under the site's
// Content-Security-Policy and served below /guides/, the dialogs of the split and the merged site answer the same
// queries with the same pages and offer the same filter values and counts as the one-machine site's, on an
// English page and on a Korean one.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../src/render/content-security-policy.ts";
import { runCli } from "../support/run-cli.ts";
import { launchChromium } from "./support/browser.ts";
import { recordCspViolations } from "./support/csp-violations.ts";
import { shardedTree } from "./support/sharded-tree.ts";
import { splitSearchIndex } from "./support/split-search-index.ts";
import { serveFolder, type StaticServer } from "./support/static-server.ts";

const BASE = "/guides";
const EN_PAGE = "docs/elements/acme-crm/index.html";
const KO_PAGE = "docs/elements/cedar-desk/ko/index.html";

/** Which shard each element's pages go to; every other file (home, catalog, 404) goes to shard 1. */
const SHARD_OF_ELEMENT: Record<string, number> = { "acme-crm": 1, "bolt-crm": 2, "dune-pay": 2, "cedar-desk": 3 };
const shardOf = (rel: string) => SHARD_OF_ELEMENT[/^docs\/elements\/([^/]+)\//.exec(rel)?.[1] ?? ""] ?? 1;

let browser: Browser;
/** The one-machine build, its index split by hand, and the same tree built with --shard 1/3..3/3 and --merge. */
let oneBundle: StaticServer;
let sharded: StaticServer;
let merged: StaticServer;
let builtDir: string;
let mergedDir: string;
let parts: string[][];

/** `npm run build -- ARGS` on the fixture, under the base path; throws with the output on failure. */
async function build(tree: string, args: string[]): Promise<void> {
  const result = await runCli("build.ts", [...args, "--source", tree, "--base", `${BASE}/`]);
  if (result.code !== 0) throw new Error(`build ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
}

beforeAll(async () => {
  const tree = shardedTree();
  builtDir = path.join(tree, "_site");
  await build(tree, ["--out", builtDir]);
  const splitDir = path.join(tree, "_sharded");
  parts = await splitSearchIndex(builtDir, splitDir, 3, shardOf);
  // The CLI's shards go outside the tree: an --out inside it other than _site/ is refused.
  const shardsDir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-shards-"));
  const shardDirs = [1, 2, 3].map((k) => path.join(shardsDir, `shard-${k}`));
  for (const [i, dir] of shardDirs.entries()) await build(tree, ["--shard", `${i + 1}/3`, "--out", dir]);
  mergedDir = path.join(shardsDir, "site");
  await build(tree, ["--merge", ...shardDirs, "--out", mergedDir]);
  const headers = { "content-security-policy": CONTENT_SECURITY_POLICY };
  oneBundle = await serveFolder(builtDir, { basePath: BASE, headers });
  sharded = await serveFolder(splitDir, { basePath: BASE, headers });
  merged = await serveFolder(mergedDir, { basePath: BASE, headers });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await oneBundle?.close();
  await sharded?.close();
  await merged?.close();
});

interface Query {
  term: string;
  filters?: Record<string, string>;
}

interface Answer {
  /** Result links, as paths below the site, sorted. */
  pages: string[];
  status: string;
  /** The filter menus' options as the reader sees them, e.g. "CRM (4)". */
  options: Record<string, string[]>;
  /** Every request the page made that failed or answered with an error status, and CSP violations. */
  problems: string[];
  /** Pagefind bundles the page read an index entry from, below the site. */
  bundles: string[];
}

/**
 * Opens `rel` on `site`, opens the search dialog with "/", waits for Pagefind (its filter menus filled), then
 * asks: with words, the filters are chosen first and the words typed; filters alone are chosen in their menus.
 */
async function ask(site: StaticServer, rel: string, query: Query): Promise<Answer> {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    const problems: string[] = [];
    const bundles = new Set<string>();
    tab.on("pageerror", (error) => problems.push(error.message));
    tab.on("console", (message) => message.type() === "error" && problems.push(message.text()));
    tab.on("requestfailed", (request) => problems.push(`failed ${request.url()}`));
    tab.on("response", (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
      const entry = /\/pagefind\/(.*)pagefind-entry\.json$/.exec(new URL(response.url()).pathname);
      if (entry) bundles.add(`pagefind/${entry[1]}`);
    });
    const violations = await recordCspViolations(tab);
    await tab.goto(site.url + rel);
    await tab.keyboard.press("/");
    const dialog = tab.locator("dialog.search[open]");
    await dialog.waitFor();
    await dialog.locator('select[data-filter="hub"] option').nth(1).waitFor({ state: "attached", timeout: 10_000 });
    const filters = Object.entries(query.filters ?? {});
    if (query.term) {
      for (const [name, value] of filters) await selectSilently(tab, name, value);
      await dialog.locator(".search__input").fill(query.term);
    } else {
      for (const [name, value] of filters) await dialog.locator(`select[data-filter="${name}"]`).selectOption(value, { timeout: 10_000 });
    }
    const status = dialog.locator(".search__status");
    await expect.poll(() => status.textContent()).not.toBe("");
    const links = await dialog.locator(".search__link").evaluateAll((all) => all.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    const options: Record<string, string[]> = {};
    for (const name of ["hub", "element"]) options[name] = await dialog.locator(`select[data-filter="${name}"] option`).allTextContents();
    return {
      pages: links.map((pathname) => pathname.slice(`${BASE}/`.length)).sort(),
      status: (await status.textContent()) ?? "",
      options,
      problems: [...problems, ...(await violations())],
      bundles: [...bundles].sort(),
    };
  } finally {
    await context.close();
  }
}

/** Chooses a filter value without the change event, so that only the words typed next start a search. */
function selectSilently(tab: Page, name: string, value: string): Promise<void> {
  return tab.locator(`dialog.search select[data-filter="${name}"]`).evaluate((select, v) => void ((select as HTMLSelectElement).value = v), value);
}

interface Answers {
  one: Answer;
  split: Answer;
  merged: Answer;
}

const asked = new Map<string, Answers>();

/**
 * Asks the three sites the same question (once: tests that need the same answers share them); each answer is
 * checked on its own terms before a test compares them.
 */
async function askAll(rel: string, query: Query): Promise<Answers> {
  const key = JSON.stringify([rel, query]);
  const known = asked.get(key);
  if (known) return known;
  const answers = { one: await ask(oneBundle, rel, query), split: await ask(sharded, rel, query), merged: await ask(merged, rel, query) };
  asked.set(key, answers);
  for (const answer of Object.values(answers)) expect(answer.problems).toEqual([]);
  // Every result is listed (the dialog shows the best 10), so the lists compare as sets.
  expect(answers.one.pages.length).toBeLessThanOrEqual(10);
  return answers;
}

const ENGLISH_PAGES = [
  "docs/elements.html",
  "docs/elements/acme-crm/events.html",
  "docs/elements/acme-crm/index.html",
  "docs/elements/bolt-crm/events.html",
  "docs/elements/bolt-crm/index.html",
  "docs/elements/cedar-desk/events.html",
  "docs/elements/cedar-desk/index.html",
  "docs/elements/dune-pay/index.html",
  "docs/elements/dune-pay/refunds.html",
];

describe("the split of the fixture", () => {
  it("puts the pages the queries find in the shards they are meant to test", () => {
    expect(parts[0]).toContain("docs/elements/acme-crm/index.html");
    expect(parts[1]).toEqual(expect.arrayContaining(["docs/elements/bolt-crm/events.html", "docs/elements/bolt-crm/index.html"]));
    expect(parts[2]).toEqual(expect.arrayContaining(["docs/elements/cedar-desk/events.html", KO_PAGE]));
    expect(parts.flat().sort()).toEqual([...new Set(parts.flat())].sort());
  });

  it("writes the layout a merge writes: three bundles, and shards.json naming the second and third", () => {
    const split = path.join(path.dirname(builtDir), "_sharded", "pagefind");
    expect(fs.readFileSync(path.join(split, "shards.json"), "utf8")).toBe('["shard-2/","shard-3/"]\n');
    for (const bundle of [".", "shard-2", "shard-3"]) expect(fs.existsSync(path.join(split, bundle, "pagefind-entry.json")), bundle).toBe(true);
    // Only the third has Korean pages.
    const languages = (bundle: string) => Object.keys(JSON.parse(fs.readFileSync(path.join(split, bundle, "pagefind-entry.json"), "utf8")).languages);
    expect([languages("."), languages("shard-2"), languages("shard-3").sort()]).toEqual([["en"], ["en"], ["en", "ko"]]);
  });
});

describe("a merge of --shard 1/3, 2/3 and 3/3", () => {
  it("keeps a bundle per shard with pages to search, listed in pagefind/shards.json", () => {
    const bundle = path.join(mergedDir, "pagefind");
    const folders = JSON.parse(fs.readFileSync(path.join(bundle, "shards.json"), "utf8")) as string[];
    expect(folders.length).toBeGreaterThan(0);
    for (const folder of folders) expect(fs.existsSync(path.join(bundle, folder, "pagefind-entry.json")), folder).toBe(true);
  });
});

describe("a one-machine build", () => {
  it("writes pagefind/shards.json as an empty list, and its dialog reads only the one bundle", async () => {
    expect(fs.readFileSync(path.join(builtDir, "pagefind", "shards.json"), "utf8")).toBe("[]\n");
    const { one, split } = await askAll(EN_PAGE, { term: "walrus" });
    expect(one.bundles).toEqual(["pagefind/"]);
    expect(split.bundles).toEqual(["pagefind/", "pagefind/shard-2/", "pagefind/shard-3/"]);
  });
});

describe("search over three bundles answers as over one", () => {
  const cases: Array<[string, string, Query, string[]]> = [
    ["a word on every page", EN_PAGE, { term: "walrus" }, ENGLISH_PAGES],
    ["a word on one page of one shard", EN_PAGE, { term: "quokka" }, ["docs/elements/bolt-crm/events.html"]],
    ["a word on pages of two shards", EN_PAGE, { term: "narwhal" }, ["docs/elements/bolt-crm/index.html", "docs/elements/cedar-desk/events.html"]],
    ["a hub filter alone, its pages in two shards", EN_PAGE, { term: "", filters: { hub: "CRM" } }, ENGLISH_PAGES.filter((p) => p.includes("-crm/"))],
    ["an element filter alone", EN_PAGE, { term: "", filters: { element: "Dune Pay" } }, ENGLISH_PAGES.filter((p) => p.includes("dune-pay/"))],
    ["a word and a filter", EN_PAGE, { term: "walrus", filters: { hub: "Helpdesk" } }, ENGLISH_PAGES.filter((p) => p.includes("cedar-desk/"))],
    ["a word on no page", EN_PAGE, { term: "zeppelin" }, []],
    ["a Korean word, from a Korean page, with no Korean index in the first bundle", KO_PAGE, { term: "펭귄" }, [KO_PAGE, "docs/elements/cedar-desk/ko/events.html"].sort()],
    ["a word on every page, from a Korean page: Korean pages only", KO_PAGE, { term: "walrus" }, [KO_PAGE, "docs/elements/cedar-desk/ko/events.html"].sort()],
  ];
  for (const [name, rel, query, expected] of cases) {
    it(`${name}: ${JSON.stringify(query)} on ${rel}`, async () => {
      const { one, split, merged } = await askAll(rel, query);
      expect(one.pages).toEqual(expected);
      for (const sharded of [split, merged]) {
        expect(sharded.pages).toEqual(one.pages);
        expect(sharded.status).toBe(one.status);
        expect(sharded.options).toEqual(one.options);
      }
    });
  }

  it("offers every hub and element with its page count from all three bundles", async () => {
    const { one, split, merged } = await askAll(EN_PAGE, { term: "walrus" });
    expect(one.options).toEqual({
      hub: ["All hubs", "CRM (4)", "Helpdesk (2)", "Payments (2)"],
      element: ["All elements", "Acme CRM (2)", "Bolt CRM (2)", "Cedar Desk (2)", "Dune Pay (2)"],
    });
    expect(split.options).toEqual(one.options);
    expect(merged.options).toEqual(one.options);
  });
});
