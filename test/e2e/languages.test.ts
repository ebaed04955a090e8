// A page in Korean and its English original in headless Chromium (issue 13, point 5): the language switch takes a
// reader from one to the other with or without JavaScript and on a phone, axe finds nothing on either in both
// themes, and search on a Korean page finds Korean pages, in a dialog that speaks Korean.
import path from "node:path";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyTree } from "../support/fixture-tree.ts";
import { runCli } from "../support/run-cli.ts";
import { launchChromium } from "./support/browser.ts";
import { serveFolder, type StaticServer } from "./support/static-server.ts";
import { violations } from "./suites/accessibility.ts";

const FIXTURE = path.resolve(import.meta.dirname, "../fixtures/languages");
const EN_EVENTS = "docs/elements/acme-desk/events.html";
const KO_EVENTS = "docs/elements/acme-desk/ko/events.html";

let browser: Browser;
let site: StaticServer;

beforeAll(async () => {
  const tree = copyTree(FIXTURE);
  const out = path.join(tree, "_site");
  const result = await runCli("build.ts", ["--source", tree, "--out", out]);
  if (result.code !== 0) throw new Error(`The fixture did not build:\n${result.stdout}\n${result.stderr}`);
  site = await serveFolder(out);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** A fresh context with one page open at `rel`; script errors are collected. */
async function open(rel: string, options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(site.url + rel);
  return { page, errors, close: () => context.close() };
}

const switchLink = (page: Page, name: string) => page.getByRole("navigation", { name: /^(Language|언어)$/ }).getByRole("link", { name });

describe("the language switch", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`goes from the Korean page to the English one and back, ${javaScriptEnabled ? "with" : "without"} JavaScript`, async () => {
      const { page, errors, close } = await open(KO_EVENTS, { javaScriptEnabled });
      expect(await page.getAttribute("html", "lang")).toBe("ko");
      expect(await switchLink(page, "한국어").getAttribute("aria-current")).toBe("page");
      await switchLink(page, "English").click();
      await expect.poll(() => page.url()).toBe(site.url + EN_EVENTS);
      expect(await page.getAttribute("html", "lang")).toBe("en");
      await switchLink(page, "한국어").click();
      await expect.poll(() => page.url()).toBe(site.url + KO_EVENTS);
      expect(await page.locator("h1").textContent()).toBe("이벤트");
      expect(errors).toEqual([]);
      await close();
    });
  }

  it("shows a phone the other language's code, a link still named for the language", async () => {
    const { page, close } = await open(KO_EVENTS, { viewport: { width: 390, height: 844 } });
    const english = switchLink(page, "English");
    // The code is what shows; the name is there for screen readers only (a 1 px clipped box).
    expect(await english.locator(".language-switch__code").isVisible()).toBe(true);
    expect(await english.locator(".language-switch__code").textContent()).toBe("EN");
    expect(await english.locator(".language-switch__name").boundingBox()).toMatchObject({ width: 1, height: 1 });
    await expect.poll(() => switchLink(page, "한국어").isVisible()).toBe(false);
    // Nothing spills out of the header: the switch fits beside the buttons.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBe(0);
    await english.click();
    await expect.poll(() => page.url()).toBe(site.url + EN_EVENTS);
    await close();
  });
});

describe("accessibility of pages in two languages (axe-core)", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    for (const [name, rel] of [["Korean page", KO_EVENTS], ["English original", EN_EVENTS]]) {
      it(`finds no violations on the ${name} in the ${colorScheme} theme`, async () => {
        // axe arrives as an inline script, which the page's Content-Security-Policy <meta> would block.
        const { page, close } = await open(rel, { colorScheme, bypassCSP: true });
        expect(await violations(page)).toEqual([]);
        await close();
      });
    }
  }
});

describe("search on a Korean page", () => {
  it("opens a dialog in Korean and finds the Korean pages", async () => {
    const { page, errors, close } = await open(KO_EVENTS);
    await page.keyboard.press("/");
    const input = page.locator("dialog.search[open] .search__input");
    await input.waitFor();
    expect(await input.getAttribute("placeholder")).toBe("가이드 검색");
    await page.keyboard.type("폴링");
    await page.locator(".search__link").first().waitFor();
    const found = await page.locator(".search__link").evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(found).toContain(site.url + KO_EVENTS);
    expect(errors).toEqual([]);
    await close();
  });
});
