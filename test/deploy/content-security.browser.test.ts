// The site served by a plain static host that sends no Content-Security-Policy header: the <meta> policy every
// page carries still blocks a <script> written into Markdown, while the site's own scripts, search (Pagefind's
// WebAssembly and worker), copy buttons and style attributes work without a single violation (issue 11).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../e2e/support/browser.ts";
import { recordCspViolations } from "../e2e/support/csp-violations.ts";
import { openPage, type E2E } from "../e2e/support/e2e-context.ts";
import { serveFolder } from "../e2e/support/static-server.ts";
import { runCli } from "../support/run-cli.ts";
import { cspTree, INJECTED_MARK } from "./support/csp-tree.ts";

const OVERVIEW = "docs/elements/acme-crm/index.html";
/** The one violation a fixture page should cause: its inline <script>. */
const INLINE_SCRIPT_BLOCKED = "script-src-elem inline";

const e2e = {} as E2E;

beforeAll(async () => {
  const tree = cspTree();
  e2e.out = path.join(tree, "_site");
  const result = await runCli("build.ts", ["--source", tree, "--out", e2e.out]);
  if (result.code !== 0) throw new Error(`The fixture did not build:\n${result.stdout}\n${result.stderr}`);
  e2e.buildOutput = result.stdout;
  e2e.site = await serveFolder(e2e.out);
  e2e.strictSite = e2e.site;
  e2e.browser = await launchChromium();
});

afterAll(async () => {
  await e2e.browser?.close();
  await e2e.site?.close();
});

describe("a host that sends no Content-Security-Policy header", () => {
  it("serves the pages without the header: the policy comes from the pages alone", async () => {
    const response = await fetch(e2e.site.url + OVERVIEW);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toBeNull();
    // Built without a base path, _headers (which this host ignores) covers the whole site.
    expect(fs.readFileSync(path.join(e2e.out, "_headers"), "utf8")).toMatch(/^\/\*\n  Content-Security-Policy: /);
  });

  it("blocks a <script> written into Markdown: on a guide page, under the tree's own layout, and with no layout", async () => {
    for (const rel of [OVERVIEW, "docs/about.html", "docs/bare.html"]) {
      const { page, context, errors } = await openPage(e2e);
      const violations = await recordCspViolations(page);
      await page.goto(e2e.site.url + rel);
      expect(await page.locator("html").getAttribute(INJECTED_MARK), rel).toBeNull();
      expect(await page.title(), rel).not.toBe("pwned");
      expect(await violations(), rel).toEqual([INLINE_SCRIPT_BLOCKED]);
      // The images and embeds from other hosts are allowed, and fail to load only because those hosts do not exist.
      expect(errors.filter((e) => !/inline script|net::ERR_NAME_NOT_RESOLVED/.test(e)), rel).toEqual([]);
      await context.close();
    }
  });

  it("names the theme button for what a click does, and switches the theme with it", async () => {
    const { page, context } = await openPage(e2e, { colorScheme: "light" });
    await page.goto(e2e.site.url + OVERVIEW);
    const toggle = page.locator(".theme-toggle");
    await page.getByRole("button", { name: "Switch to dark theme" }).waitFor();
    expect(await toggle.getAttribute("title")).toBe("Switch to dark theme");

    await toggle.click();
    expect(await page.locator("html").getAttribute("data-theme")).toBe("dark");
    expect(await toggle.textContent()).toBe("Switch to light theme");
    expect(await toggle.getAttribute("title")).toBe("Switch to light theme");
    expect(await page.getByRole("button", { name: "Switch to light theme" }).count()).toBe(1);

    await toggle.click();
    expect(await page.locator("html").getAttribute("data-theme")).toBe("light");
    expect(await toggle.textContent()).toBe("Switch to dark theme");
    await context.close();
  });

  it("names the action to leave the system's dark theme when the reader has not chosen", async () => {
    const { page, context } = await openPage(e2e, { colorScheme: "dark" });
    await page.goto(e2e.site.url + OVERVIEW);
    await page.getByRole("button", { name: "Switch to light theme" }).waitFor();
    await context.close();
  });

  it("runs search, the copy button and style attributes under the page's policy with no other violation", async () => {
    const { page, context } = await openPage(e2e);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(e2e.site.url).origin });
    const violations = await recordCspViolations(page);
    await page.goto(e2e.site.url + OVERVIEW);

    // markdown-it aligns table columns with style attributes.
    const cell = page.locator("td").nth(1);
    expect(await cell.evaluate((td) => getComputedStyle(td).textAlign)).toBe("right");

    const block = page.locator(".code-block").first();
    await block.getByRole("button", { name: "Copy" }).click();
    await block.getByRole("button", { name: "Copied" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('"acmecrm"');

    await page.getByRole("button", { name: "Search" }).click();
    await page.locator("dialog.search[open] .search__input").fill("webhook");
    await page.locator('.search__link[href$="events.html"]').first().waitFor();

    expect(await violations()).toEqual([INLINE_SCRIPT_BLOCKED]);
    await context.close();
  });

  it("forwards a redirect page under its policy", async () => {
    const { page, context } = await openPage(e2e);
    await page.goto(e2e.site.url + "docs/acme.html");
    await expect.poll(() => page.url()).toBe(e2e.site.url + OVERVIEW);
    await context.close();
  });
});
