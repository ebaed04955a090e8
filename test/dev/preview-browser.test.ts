// The live preview in Chromium: a page open in the browser shows a save in place (no reload, so the writer keeps
// their place), and the site's 404 page and the error page of a page that failed (answered with 500) reload by
// themselves too, under the site's Content-Security-Policy.
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchChromium } from "../e2e/support/browser.ts";
import { jekyllCompatTree } from "../support/fixture-tree.ts";
import { PreviewProcess, waitFor } from "./preview-process.ts";

let tree: string;
let preview: PreviewProcess;
let browser: Browser;
const EVENTS = "docs/elements/tidewater-crm/events.md";

beforeAll(async () => {
  tree = jekyllCompatTree();
  [preview, browser] = await Promise.all([PreviewProcess.start(tree), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  if (tree) fs.rmSync(tree, { recursive: true, force: true });
});

/** Appends a paragraph to a page of the tree; returns its text. */
function addParagraph(rel: string, name: string): string {
  const text = `Added ${name} at ${Date.now()}.`;
  fs.appendFileSync(path.join(tree, rel), `\n${text}\n`);
  return text;
}

/** Waits until the page shows `text`; a reload in between is fine. */
function shows(page: Page, text: string): Promise<true> {
  return waitFor(`the browser to show "${text}"`, async () => {
    const body = await page.evaluate(() => document.body?.innerText ?? "").catch(() => "");
    return body.includes(text) ? true : undefined;
  });
}

/** Problems the browser reports: a script the Content-Security-Policy blocked shows up here. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return errors;
}

it("shows a page's edit in place, without reloading the page", async () => {
  const page = await browser.newPage();
  const errors = consoleErrors(page);
  await page.goto(new URL(EVENTS.replace(/\.md$/, ".html"), preview.url).href);
  // A mark on this very document: a reload would lose it.
  await page.evaluate(() => Object.assign(window, { writerWasHere: true }));
  const text = addParagraph(EVENTS, "in place");
  await shows(page, text);
  expect(await page.evaluate(() => (window as unknown as { writerWasHere?: boolean }).writerWasHere)).toBe(true);
  expect(errors).toEqual([]);
  await page.close();
});

it("shows a save made while a page opens, before its reload script has connected", async () => {
  const page = await browser.newPage();
  const setup = "docs/elements/tidewater-crm/setup.md";
  let letScriptThrough!: () => void;
  const scriptHeld = new Promise<void>((resolve) => (letScriptThrough = resolve));
  // The page is served, but its reload script is held back, so it is not connected yet.
  await page.route("**/reload-client.js*", async (route) => {
    await scriptHeld;
    await route.continue();
  });
  await page.goto(new URL(setup.replace(/\.md$/, ".html"), preview.url).href, { waitUntil: "commit" });
  const text = addParagraph(setup, "while the page opens");
  // The preview has rendered the save, and told the browsers connected then, before this one connects.
  await preview.waitForPage(`/${setup.replace(/\.md$/, ".html")}`, "the save", (html) => html.includes(text));
  letScriptThrough();
  await shows(page, text);
  await page.close();
});

it("reloads the site's 404 page by itself, its reload script allowed by the site's policy", async () => {
  const page = await browser.newPage();
  const errors = consoleErrors(page);
  const response = await page.goto(new URL("docs/elements/tidewater-crm/limits.html", preview.url).href);
  expect(response?.status()).toBe(404);
  await waitFor("the reload script to load", () =>
    page.evaluate(() => performance.getEntriesByType("resource").some((entry) => entry.name.includes("reload-client.js")) || undefined),
  );
  // The writer creates the page they were missing: the browser shows it.
  fs.writeFileSync(path.join(tree, "docs/elements/tidewater-crm/limits.md"), "---\ntitle: Limits\norder: 9\n---\n\n# Limits\n\nTen requests a second.\n");
  await shows(page, "Ten requests a second.");
  expect(errors.filter((error) => /Content Security Policy/i.test(error))).toEqual([]);
  await page.close();
});

it("reloads a failed page's error page (status 500) by itself once the page is fixed", async () => {
  const file = path.join(tree, EVENTS);
  const good = fs.readFileSync(file, "utf8");
  fs.writeFileSync(file, good.replace("title: Events", "title: [Events"));
  const url = new URL("docs/elements/tidewater-crm/events.html", preview.url).href;
  await waitFor("the error page", async () => ((await fetch(url)).status === 500 ? true : undefined));
  const page = await browser.newPage();
  const errors = consoleErrors(page);
  const response = await page.goto(url);
  expect(response?.status()).toBe(500);
  await shows(page, "Front matter is not valid YAML");
  await waitFor("the reload script to load", () =>
    page.evaluate(() => performance.getEntriesByType("resource").some((entry) => entry.name.includes("reload-client.js")) || undefined),
  );
  fs.writeFileSync(file, good);
  await waitFor("the page again", async () => {
    const body = await page.evaluate(() => document.body?.innerText ?? "").catch(() => "");
    return body.includes("Front matter is not valid YAML") ? undefined : true;
  });
  expect(await page.locator("h1").first().innerText()).toContain("Events");
  expect(errors.filter((error) => /Content Security Policy/i.test(error))).toEqual([]);
  await page.close();
});
