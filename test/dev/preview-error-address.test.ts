// A page that failed is answered with 500 at every address the preview serves it under: under the base path, which
// its error page names, and with repeated slashes, which the dev server serves the same file for; never over a page
// that loaded.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { jekyllCompatTree } from "../support/fixture-tree.ts";
import { PreviewProcess, waitFor } from "./preview-process.ts";

const EVENTS = "docs/elements/tidewater-crm/events.md";
const EVENTS_URL = "/guides/docs/elements/tidewater-crm/events.html";
const isError = (html: string) => html.includes("data-element-guides-error");
let tree: string;
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

it("serves a page that loaded at its address, not the error page of a broken page whose file name gives it", async () => {
  // Once the background round has rendered every page and written the error pages of those that did not load.
  await waitFor("the preview's round", () => (/^Preview: \d+ pages up to date/m.test(preview.stdout) ? true : undefined));
  const { status, html } = await preview.fetch("/guides/d.html");
  expect(status).toBe(200);
  expect(html).toContain("The page of c.md.");
  expect(isError(html)).toBe(false);
});
