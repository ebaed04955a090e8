// What a deploy uploads (issue 6, "Output hygiene" and "Base path"): only pages, assets and the files made for
// hosts and tools; every URL in it under the base path; asset URLs versioned by their content.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { elementsJsonSchema, type ElementsJson } from "../../src/schema/elements-json.ts";
import { jekyllCompatTree, writeFiles } from "../support/fixture-tree.ts";
import { HtmlPage } from "../support/html-page.ts";
import { REPO_ROOT, runCli, type CliResult } from "../support/run-cli.ts";
import { checkInternalUrls, htmlFiles, siteFiles, sourceFilesIn } from "./support/site-urls.ts";

const BASE = "/guides/";
const ORIGIN = "https://connectors.example.test"; // the fixture's site.url

let tree: string;
let out: string;
let result: CliResult;
/** The same tree built again after one asset changed. */
let outAfterEdit: string;
let resultAfterEdit: CliResult;

const readJson = (dir: string): ElementsJson => JSON.parse(fs.readFileSync(path.join(dir, "elements.json"), "utf8"));

/** `/assets/css/site.css` -> its `?v=` value in a page's <link>/<script>. */
function versions(html: HtmlPage): Record<string, string> {
  const found: Record<string, string> = {};
  for (const el of html.all("link[href], script[src], [data-search-ui], [data-search-css]")) {
    for (const value of [el.attribs.href, el.attribs.src, el.attribs["data-search-ui"], el.attribs["data-search-css"]]) {
      const match = value && /^\/guides(\/assets\/[^?]+)\?v=([0-9a-f]+)$/.exec(value);
      if (match) found[match[1]] = match[2];
    }
  }
  return found;
}

/** Each asset's version across every page of a build, failing if two pages disagree. */
function siteVersions(dir: string): Record<string, string> {
  const all: Record<string, string> = {};
  for (const rel of htmlFiles(dir)) {
    for (const [asset, v] of Object.entries(versions(HtmlPage.read(dir, rel)))) {
      expect(all[asset] ?? v, `${rel} ${asset}`).toBe(v);
      all[asset] = v;
    }
  }
  return all;
}

beforeAll(async () => {
  tree = jekyllCompatTree();
  writeFiles(tree, {
    // Things a content tree holds that must never be served.
    "docs/elements/tidewater-crm/helper.ts": "export const secret = 1;\n",
    "_layouts/unused.liquid": "<main>{{ content }}</main>\n",
    "_data/secrets.json": '{ "token": "do-not-publish" }\n',
    // The tree's own site.css (a tree's assets/ wins over ours): edited between the two builds.
    "assets/css/site.css": fs.readFileSync(path.join(REPO_ROOT, "assets/css/site.css"), "utf8"),
  });
  // Outside the tree: a build may replace no folder inside it but _site.
  out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-out-")), "site");
  result = await runCli("build.ts", ["--source", tree, "--out", out, "--base", BASE]);

  fs.appendFileSync(path.join(tree, "assets/css/site.css"), "\n.changed { color: red; }\n");
  outAfterEdit = path.join(path.dirname(out), "site-after-edit");
  resultAfterEdit = await runCli("build.ts", ["--source", tree, "--out", outAfterEdit, "--base", BASE]);
});

describe("the output folder", () => {
  it("builds, twice", () => {
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(resultAfterEdit.code).toBe(0);
  });

  it("holds pages, assets, the search index and the files for hosts and tools, and nothing from the source", () => {
    const written = siteFiles(out);
    expect(sourceFilesIn(out)).toEqual([]);
    expect(written.filter((rel) => /(^|\/)(includes\/|README|EXPECTED)/.test(rel))).toEqual([]);
    for (const rel of written) {
      expect(rel, rel).toMatch(
        /^(404\.html|index\.(html|md)|elements\.json|sitemap\.xml|robots\.txt|llms(-full)?\.txt|_headers|\.element-guides-output|docs\/.+\.(html|md)|assets\/.+\.(css|js|svg)|pagefind\/.+)$/,
      );
    }
    // The fixture's include_relative fragment and unpublished draft are not pages.
    expect(written).not.toContain("docs/elements/tidewater-crm/includes/vpn-fields.html");
    expect(written).not.toContain("docs/elements/tidewater-crm/webhooks.html");
    for (const rel of written.filter((r) => !r.startsWith("pagefind/"))) {
      expect(fs.readFileSync(path.join(out, rel), "utf8"), rel).not.toContain("do-not-publish");
    }
  });

  it("versions every asset URL with ?v=<content hash>; only the edited asset's hash changes in the next build", () => {
    const before = siteVersions(out);
    const after = siteVersions(outAfterEdit);
    expect(Object.keys(before).sort()).toEqual([
      "/assets/css/catalog.css",
      "/assets/css/home.css",
      "/assets/css/not-found.css",
      "/assets/css/search.css",
      "/assets/css/site.css",
      "/assets/favicon.svg",
      "/assets/js/catalog.js",
      "/assets/js/copy-markdown.js",
      "/assets/js/not-found.js",
      "/assets/js/search.js",
      "/assets/js/site.js",
      "/assets/js/theme.js",
    ]);
    expect(after["/assets/css/site.css"]).not.toBe(before["/assets/css/site.css"]);
    expect({ ...after, "/assets/css/site.css": "" }).toEqual({ ...before, "/assets/css/site.css": "" });
    expect(fs.readFileSync(path.join(outAfterEdit, "assets/css/site.css"), "utf8")).toContain(".changed");
  });

  it("writes elements.json that validates against its schema and lists every element with its pages in order", () => {
    const json = elementsJsonSchema.parse(readJson(out));
    expect(json.elements.map((e) => [e.folder, e.key, e.id, e.name, e.hub])).toEqual([
      ["tidewater-crm", "tidewatercrm", 7301, "Tidewater CRM", "crm"],
      ["tidewater-support", "tidewatersupport", 7302, "Tidewater Support", "helpdesk"],
    ]);
    const crm = json.elements[0];
    expect(crm.pages.map((p) => p.title)).toEqual(["Overview", "API Provider Setup", "Authenticate", "Events", "Querying"]);
    const orders = crm.pages.map((p) => p.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(json.elements[1].pages.map((p) => p.title)).toEqual(["Overview", "Authenticate"]);
    // Each URL is a written page; the Overview is the element's URL.
    for (const element of json.elements) {
      expect(element.url).toBe(element.pages[0].url);
      for (const p of element.pages) {
        expect(p.url.startsWith(BASE), p.url).toBe(true);
        expect(fs.existsSync(path.join(out, p.url.slice(BASE.length))), p.url).toBe(true);
      }
    }
  });
});

describe("--base /guides/", () => {
  it("makes every internal URL in every HTML file start with /guides/ and point at a written file", () => {
    expect(htmlFiles(out).length).toBeGreaterThan(8);
    const { problems, checked } = checkInternalUrls(out, BASE);
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it("puts absolute links (canonical, og:url) under the site URL and the base", () => {
    const overview = HtmlPage.read(out, "docs/elements/tidewater-crm/index.html");
    expect(overview.one('link[rel="canonical"]').attribs.href).toBe(`${ORIGIN}/guides/docs/elements/tidewater-crm/index.html`);
    expect(overview.one('meta[property="og:url"]').attribs.content).toBe(`${ORIGIN}/guides/docs/elements/tidewater-crm/index.html`);
  });

  it("writes the sitemap and robots.txt with the base in every URL", () => {
    const sitemap = fs.readFileSync(path.join(out, "sitemap.xml"), "utf8");
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs.length).toBeGreaterThan(5);
    for (const loc of locs) {
      expect(loc.startsWith(`${ORIGIN}/guides/`), loc).toBe(true);
      expect(fs.existsSync(path.join(out, loc.slice(`${ORIGIN}/guides/`.length) || "index.html")), loc).toBe(true);
    }
    expect(fs.readFileSync(path.join(out, "robots.txt"), "utf8")).toContain(`Sitemap: ${ORIGIN}/guides/sitemap.xml`);
  });

  it("sends redirect pages to the new URL under the base", () => {
    const redirect = HtmlPage.read(out, "docs/elements/tidewater-crm/change-feed.html");
    expect(redirect.one('meta[http-equiv="refresh"]').attribs.content).toBe("0; url=/guides/docs/elements/tidewater-crm/events.html");
    expect(redirect.one("a").attribs.href).toBe("/guides/docs/elements/tidewater-crm/events.html");
    expect(redirect.one('link[rel="canonical"]').attribs.href).toBe(`${ORIGIN}/guides/docs/elements/tidewater-crm/events.html`);
  });

  it("gives the search UI the base for its bundle and result links", () => {
    const home = HtmlPage.read(out, "index.html");
    const button = home.one("button.search-open");
    expect(button.attribs["data-bundle"]).toBe("/guides/pagefind/");
    expect(button.attribs["data-base"]).toBe("/guides/");
    expect(fs.existsSync(path.join(out, "pagefind/pagefind.js"))).toBe(true);
  });
});
