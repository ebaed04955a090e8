// A page that failed is answered with 500 at every address the preview serves it under: under the base path, which
// its error page names, with repeated slashes, which the dev server serves the same file for, and at the pretty
// URL of its `permalink:` when its front matter does not load.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { jekyllCompatTree } from "../support/fixture-tree.ts";
import { PreviewProcess } from "./preview-process.ts";

const EVENTS = "docs/elements/tidewater-crm/events.md";
const EVENTS_URL = "/guides/docs/elements/tidewater-crm/events.html";
const GUIDE = "docs/guide.md";
const GUIDE_TEXT = "---\ntitle: Guide\nseo: Guide\npermalink: /guide/\n---\n\n# Guide\n\nRead the guide.\n";
const isError = (html: string) => html.includes("data-element-guides-error");
let tree: string;
let good: string;
let preview: PreviewProcess;

beforeAll(async () => {
  tree = jekyllCompatTree();
  good = fs.readFileSync(path.join(tree, EVENTS), "utf8");
  // Broken before the preview starts: its front matter never loads.
  fs.writeFileSync(path.join(tree, EVENTS), good.replace("title: Events", "title: [Events"));
  fs.writeFileSync(path.join(tree, GUIDE), GUIDE_TEXT.replace("seo: Guide", "seo: [Guide"));
  preview = await PreviewProcess.start(tree, { base: "/guides/" });
});

afterAll(async () => {
  await preview?.stop();
  if (tree) fs.rmSync(tree, { recursive: true, force: true });
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

it("answers a pretty URL whose page never loaded with its error page, and with the page once fixed", async () => {
  for (const url of ["/guides/guide/", "/guides/guide/index.html"]) {
    const { status, html } = await preview.fetch(url);
    expect([url, status]).toEqual([url, 500]);
    expect(html).toContain("Front matter is not valid YAML");
  }
  fs.writeFileSync(path.join(tree, GUIDE), GUIDE_TEXT);
  const page = await preview.waitForPage("/guides/guide/", "the page", (html) => !isError(html));
  expect(page).toContain("Read the guide.");
  expect((await preview.fetch("/guides/guide/")).status).toBe(200);
});
