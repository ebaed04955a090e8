// A page that failed is answered with 500 at every address the preview serves it under: under the base path, which
// its error page names, with repeated slashes, which the dev server serves the same file for, and at the pretty
// URL of its `permalink:` when its front matter does not load; never over a page or a file that is there.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { jekyllCompatTree } from "../support/fixture-tree.ts";
import { PreviewProcess, waitFor } from "./preview-process.ts";

const EVENTS = "docs/elements/tidewater-crm/events.md";
const EVENTS_URL = "/guides/docs/elements/tidewater-crm/events.html";
const GUIDE = "docs/guide.md";
const GUIDE_TEXT = "---\ntitle: Guide\nseo: Guide\npermalink: /guide/\n---\n\n# Guide\n\nRead the guide.\n";
const isError = (html: string) => html.includes("data-element-guides-error");
/** The page as a browser's navigation gets it (fetch() says it is a script's request, which gets no reload script). */
const navigateTo = (url: string) =>
  new Promise<string>((resolve, reject) => {
    http.get(url, { headers: { "sec-fetch-mode": "navigate", "sec-fetch-dest": "document" } }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve(body));
    }).on("error", reject);
  });
let tree: string;
let outRoot: string;
let good: string;
let preview: PreviewProcess;

beforeAll(async () => {
  tree = jekyllCompatTree();
  good = fs.readFileSync(path.join(tree, EVENTS), "utf8");
  // Broken before the preview starts: its front matter never loads.
  fs.writeFileSync(path.join(tree, EVENTS), good.replace("title: Events", "title: [Events"));
  // A page that loads, at the address the broken page's file name gives.
  fs.writeFileSync(path.join(tree, "docs/c.md"), "---\ntitle: C\nseo: C\npermalink: /d.html\n---\n\nThe page of c.md.\n");
  fs.writeFileSync(path.join(tree, "d.md"), "---\ntitle: [D\nseo: D\n---\n\nThe page of d.md.\n");
  // Broken pages whose permalinks name a pretty URL, a page that loaded, the 404 page, and a place outside the site.
  fs.writeFileSync(path.join(tree, GUIDE), GUIDE_TEXT.replace("seo: Guide", "seo: [Guide"));
  fs.writeFileSync(path.join(tree, "docs/e.md"), "---\ntitle: [E\npermalink: /d.html\n---\n\nThe page of e.md.\n");
  fs.writeFileSync(path.join(tree, "docs/f.md"), "---\ntitle: [F\npermalink: /404.html\n---\n\nThe page of f.md.\n");
  fs.writeFileSync(path.join(tree, "docs/g.md"), "---\ntitle: [G\npermalink: /..%2Fkeep.html\n---\n\nThe page of g.md.\n");
  // One whose name holds a #, which its address escapes.
  fs.writeFileSync(path.join(tree, "docs/c#-sdk.md"), "---\ntitle: [C#\n---\n\nThe page of c#-sdk.md.\n");
  // One whose address is a folder of other pages' files (docs/ has no index page).
  fs.writeFileSync(path.join(tree, "docs/h.md"), "---\ntitle: [H\npermalink: /docs/\n---\n\nThe page of h.md.\n");
  outRoot = fs.mkdtempSync(path.join(os.tmpdir(), "eg-error-address-"));
  preview = await PreviewProcess.start(tree, { base: "/guides/", out: path.join(outRoot, "site") });
});

afterAll(async () => {
  await preview?.stop();
  if (tree) fs.rmSync(tree, { recursive: true, force: true });
  if (outRoot) fs.rmSync(outRoot, { recursive: true, force: true });
});

const variants = [EVENTS_URL, "/guides//docs/elements/tidewater-crm/events.html", "/guides/docs/elements/tidewater-crm/%2Fevents.html"];

it("answers the error page with 500 at each address, naming the address under the base path", async () => {
  for (const url of variants) {
    const { status, html } = await preview.fetch(url);
    expect([url, status]).toEqual([url, 500]);
    expect(isError(html)).toBe(true);
    expect(html).toContain(`<code>${EVENTS_URL}</code>`);
  }
});

it("answers the page with 200 at each address once it is fixed", async () => {
  fs.writeFileSync(path.join(tree, EVENTS), good);
  await preview.waitForPage(EVENTS_URL, "the page again", (html) => !isError(html));
  for (const url of variants) {
    const { status, html } = await preview.fetch(url);
    expect([url, status]).toEqual([url, 200]);
    expect(isError(html)).toBe(false);
  }
});

it("serves a page that loaded at its address, not the error page of a broken page whose file name gives it", async () => {
  // Once the background round has rendered every page and written the error pages of those that did not load.
  await waitFor("the preview's round", () => (/^Preview: \d+ pages up to date/m.test(preview.stdout) ? true : undefined));
  const { status, html } = await preview.fetch("/guides/d.html");
  expect(status).toBe(200);
  expect(html).toContain("The page of c.md.");
  expect(isError(html)).toBe(false);
});

it("answers a pretty URL whose page never loaded with its error page, and with the page once fixed", async () => {
  for (const url of ["/guides/guide/", "/guides/guide/index.html", "/guides/guide"]) {
    const { status, html } = await preview.fetch(url);
    expect([url, status]).toEqual([url, 500]);
    expect(html).toContain("<code>/guides/guide/</code>");
    expect(html).toContain("docs/guide.md");
  }
  // Opened in a browser, it has the dev server's reload script, which brings the page back once it is fixed.
  expect(await navigateTo(new URL("/guides/guide/", preview.url).href)).toContain("reload-client.js");
  // Without its slash where a folder of that name holds other pages, as a static host redirects it to the folder.
  for (const url of ["/guides/docs/", "/guides/docs"]) expect([url, (await preview.fetch(url)).status]).toEqual([url, 500]);
  // Answered from memory: nothing is written at a permalink the loader never accepted.
  expect(fs.existsSync(path.join(outRoot, "site/guide"))).toBe(false);
  fs.writeFileSync(path.join(tree, GUIDE), GUIDE_TEXT);
  const page = await preview.waitForPage("/guides/guide/", "the page", (html) => !isError(html));
  expect(page).toContain("Read the guide.");
  expect((await preview.fetch("/guides/guide/")).status).toBe(200);
});

it("never answers with a broken page's error page where a page, the 404 page or nothing of the site is", async () => {
  expect((await preview.fetch("/guides/d.html")).html).toContain("The page of c.md.");
  const missing = await preview.fetch("/guides/404.html");
  expect(missing.status).toBe(200);
  expect(isError(missing.html)).toBe(false);
  const outside = await preview.fetch("/guides/..%2Fkeep.html");
  expect(outside.status).not.toBe(500);
  expect(fs.existsSync(path.join(outRoot, "keep.html"))).toBe(false);
});

it("names a page whose file name holds # at its address as the browser shows it, %-escaped", async () => {
  const { status, html } = await preview.fetch("/guides/docs/c%23-sdk.html");
  expect(status).toBe(500);
  expect(html).toContain("<code>/guides/docs/c%23-sdk.html</code>");
});
