// The repository's site built with `--base /guides/` and served only under /guides/ (a GitHub Pages project
// site, a sub-folder of another site), under the strict Content-Security-Policy: a reader clicks from the home
// page through the catalog to an element's page, and searches (issue 6, "Base path").
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../src/render/content-security-policy.ts";
import { launchChromium } from "../e2e/support/browser.ts";
import { AUTHENTICATE, openPage, type E2E } from "../e2e/support/e2e-context.ts";
import { serveFolder } from "../e2e/support/static-server.ts";
import { runCli } from "../support/run-cli.ts";
import { parseLlmsTxt } from "../agents/support/llms-parse.ts";
import { markdownWords, pageWords } from "../agents/support/text-words.ts";
import { HtmlPage } from "../support/html-page.ts";
import { checkInternalUrls, sourceFilesIn } from "./support/site-urls.ts";

const e2e = {} as E2E;
/** The server's origin, without the base path. */
let origin: string;

beforeAll(async () => {
  e2e.out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-base-")), "_site");
  const result = await runCli("build.ts", ["--out", e2e.out, "--base", "/guides/"]);
  if (result.code !== 0) throw new Error(`The site did not build:\n${result.stdout}\n${result.stderr}`);
  e2e.buildOutput = result.stdout;
  e2e.site = await serveFolder(e2e.out, { basePath: "/guides", headers: { "content-security-policy": CONTENT_SECURITY_POLICY } });
  e2e.strictSite = e2e.site;
  origin = new URL(e2e.site.url).origin;
  e2e.browser = await launchChromium();
});

afterAll(async () => {
  await e2e.browser?.close();
  await e2e.site?.close();
});

/** Every response the page received with an error status, e.g. an asset requested outside /guides/. */
function failedResponses(page: Page): string[] {
  const failed: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  page.on("requestfailed", (request) => {
    // A click that leaves the page cancels what it still loads (Chromium fetches the favicon late): that is no missing
    // file, which answers 404 above. A CI run failed once on it.
    if (request.failure()?.errorText !== "net::ERR_ABORTED") failed.push(`failed ${request.url()}`);
  });
  return failed;
}

describe("the site served under /guides/", () => {
  it("was built with every internal URL under /guides/ naming a written file, and no source file in it", () => {
    const { problems, checked } = checkInternalUrls(e2e.out, "/guides/");
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
    expect(sourceFilesIn(e2e.out)).toEqual([]);
  });

  it("is served only under /guides/: the host root answers 404", async () => {
    expect(e2e.site.url).toBe(`${origin}/guides/`);
    expect((await fetch(e2e.site.url)).status).toBe(200);
    expect((await fetch(`${e2e.site.url}docs/elements.html`)).status).toBe(200);
    for (const outside of ["/", "/index.html", "/docs/elements.html", "/assets/css/site.css", "/pagefind/pagefind.js"]) {
      expect((await fetch(origin + outside)).status, outside).toBe(404);
    }
  });

  it("leads from the home page through the catalog to Autotask CRM's Authenticate page, by clicks, with every asset loading", async () => {
    const { page, context, errors } = await openPage(e2e);
    const failed = failedResponses(page);
    await page.goto(e2e.site.url);
    await page.getByRole("link", { name: /^Browse all \d+ element guides/ }).click();
    await expect.poll(() => page.url()).toBe(`${origin}/guides/docs/elements.html`);
    await page.locator(".card").getByRole("link", { name: "Autotask CRM", exact: true }).click();
    await expect.poll(() => page.url()).toBe(`${origin}/guides/docs/elements/autotask-crm/index.html`);
    await page.locator("nav.guide__nav").getByRole("link", { name: "Authenticate", exact: true }).click();
    await expect.poll(() => page.url()).toBe(e2e.site.url + AUTHENTICATE);
    expect(await page.locator("h1").textContent()).toBe("Authenticate with Autotask CRM");
    // The stylesheet arrived and applies (the theme's header is laid out, not an unstyled list).
    expect(await page.locator(".site-header__inner").evaluate((el) => getComputedStyle(el).display)).toBe("flex");
    // The header's title leads back to the home page under the base.
    await page.locator(".site-header__title").click();
    await expect.poll(() => page.url()).toBe(e2e.site.url);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("searches with / and 'autotask password', listing results whose links open pages under /guides/", async () => {
    const { page, context, errors } = await openPage(e2e);
    const failed = failedResponses(page);
    await page.goto(`${e2e.site.url}docs/elements/autotask-crm/index.html`);
    await page.keyboard.press("/");
    await page.locator("dialog.search[open] .search__input").waitFor();
    await page.keyboard.type("autotask password");
    await page.locator(".search__status").filter({ hasText: /page/ }).waitFor();
    const hrefs = await page.locator(".search__link").evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs).toContain(e2e.site.url + AUTHENTICATE);
    for (const href of hrefs) {
      expect(href.startsWith(e2e.site.url), href).toBe(true);
      expect((await fetch(href)).status, href).toBe(200);
    }
    // Opening a result by click lands on the page.
    await page.locator(`.search__link[href$="${AUTHENTICATE}"]`).first().click();
    await expect.poll(() => page.url()).toBe(e2e.site.url + AUTHENTICATE);
    expect(await page.locator("h1").textContent()).toBe("Authenticate with Autotask CRM");
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("answers a missing page under /guides/ with the 404 page, whose links and styles work", async () => {
    const { page, context } = await openPage(e2e);
    const response = await page.goto(`${e2e.site.url}docs/elements/no-such-element/index.html`);
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Page not found");
    expect(await page.locator(".site-header__inner").evaluate((el) => getComputedStyle(el).display)).toBe("flex");
    await page.getByRole("link", { name: "Browse all element guides" }).click();
    await expect.poll(() => page.url()).toBe(`${origin}/guides/docs/elements.html`);
    await context.close();
  });

  it("serves the seed page's Markdown twin beside it, with the page's words, and llms.txt links it under /guides/", async () => {
    const twin = AUTHENTICATE.replace(/\.html$/, ".md");
    const markdown = await (await fetch(e2e.site.url + twin)).text();
    expect(markdown).toMatch(/^---\ntitle: Authenticate\ndescription: Authenticate\n---\n\n# Authenticate with Autotask CRM\n/);
    const html = new HtmlPage(await (await fetch(e2e.site.url + AUTHENTICATE)).text());
    expect(markdownWords(markdown)).toEqual(pageWords(html, "article.doc__content"));
    const llms = parseLlmsTxt(await (await fetch(`${e2e.site.url}llms.txt`)).text());
    const links = llms.sections.flatMap((section) => section.links);
    expect(links).toContainEqual(expect.objectContaining({ title: "Authenticate", url: `https://elements.example.test/guides/${twin}` }));
  });
});
