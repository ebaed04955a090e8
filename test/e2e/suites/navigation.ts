import { describe, expect, it } from "vitest";
import { AUTHENTICATE, openPage, type E2E } from "../support/e2e-context.ts";

export function navigationSuite(e2e: E2E): void {
  describe("navigation", () => {
    it("leads from the home page through the catalog and the sidebar to Autotask CRM's Authenticate page, by clicks", async () => {
      const { page, context, errors } = await openPage(e2e);
      await page.goto(e2e.site.url);
      await page.getByRole("link", { name: /^Browse all \d+ element guides/ }).click();
      await expect.poll(() => page.url()).toMatch(/\/docs\/elements\.html$/);
      await page.locator(".card").getByRole("link", { name: "Autotask CRM", exact: true }).click();
      await expect.poll(() => page.url()).toMatch(/\/autotask-crm\/index\.html$/);
      await page.locator("nav.guide__nav").getByRole("link", { name: "Authenticate", exact: true }).click();
      await expect.poll(() => page.url()).toBe(e2e.site.url + AUTHENTICATE);
      expect(await page.locator("h1").textContent()).toBe("Authenticate with Autotask CRM");
      expect(errors).toEqual([]);
      await context.close();
    });

    it("goes to API Provider Setup with Previous and to Events with Next", async () => {
      const { page, context } = await openPage(e2e);
      await page.goto(e2e.site.url + AUTHENTICATE);
      await page.getByRole("link", { name: "Previous API Provider Setup" }).click();
      await expect.poll(() => page.url()).toMatch(/\/autotask-crm\/api-provider-setup\.html$/);
      // Back to the page by address, not with the browser's Back: going back while the page just left is still
      // being swapped out failed once in CI ("Not attached to an active page"), a race of the browser's, not ours.
      await page.goto(e2e.site.url + AUTHENTICATE);
      await page.getByRole("link", { name: "Next Events" }).click();
      await expect.poll(() => page.url()).toMatch(/\/autotask-crm\/events\.html$/);
      await context.close();
    });

    it("shows the breadcrumbs Element Guides › CRM › Autotask CRM › Authenticate", async () => {
      const { page, context } = await openPage(e2e);
      await page.goto(e2e.site.url + AUTHENTICATE);
      const crumbs = page.getByRole("navigation", { name: "Breadcrumbs" }).locator("li");
      expect(await crumbs.allTextContents()).toEqual(["Element Guides", "CRM", "Autotask CRM", "Authenticate"]);
      expect(await crumbs.last().locator("[aria-current=page]").count()).toBe(1);
      await crumbs.nth(1).getByRole("link").click();
      await expect.poll(() => page.url()).toMatch(/\/docs\/elements\.html#hub-crm$/);
      await context.close();
    });

    it("keeps On this page open beside the text on a wide screen and marks the section being read", async () => {
      const { page, context } = await openPage(e2e);
      await page.goto(e2e.site.url + AUTHENTICATE);
      const toc = page.locator("details.toc");
      await expect.poll(() => toc.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
      const [tocBox, textBox] = [await toc.boundingBox(), await page.locator("article").boundingBox()];
      expect(tocBox!.x).toBeGreaterThan(textBox!.x + textBox!.width);
      expect(await toc.locator("a").allTextContents()).toContain("Parameters");

      await page.locator("#parameters").evaluate((heading) => heading.scrollIntoView({ block: "start" }));
      await expect.poll(() => toc.locator('a[aria-current="true"]').getAttribute("href")).toBe("#parameters");
      await page.locator("#authenticate-through-the-api").evaluate((heading) => heading.scrollIntoView({ block: "start" }));
      await expect.poll(() => toc.locator('a[aria-current="true"]').getAttribute("href")).toBe("#authenticate-through-the-api");
      await context.close();
    });

    it("folds On this page above the text on a narrow screen", async () => {
      const { page, context } = await openPage(e2e, { viewport: { width: 390, height: 844 } });
      await page.goto(e2e.site.url + AUTHENTICATE);
      const toc = page.locator("details.toc");
      expect(await toc.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
      const [tocBox, textBox] = [await toc.boundingBox(), await page.locator("article").boundingBox()];
      expect(tocBox!.y + tocBox!.height).toBeLessThanOrEqual(textBox!.y);
      await toc.locator("summary").click();
      await toc.getByRole("link", { name: "Parameters" }).click();
      await expect.poll(() => page.url()).toMatch(/#parameters$/);
      await context.close();
    });

    it("gives section headings a # link to themselves", async () => {
      const { page, context } = await openPage(e2e);
      await page.goto(e2e.site.url + AUTHENTICATE);
      const anchor = page.getByRole("link", { name: "Link to this section: Parameters" });
      await page.locator("#parameters").hover();
      await anchor.click();
      await expect.poll(() => page.url()).toBe(`${e2e.site.url}${AUTHENTICATE}#parameters`);
      await context.close();
    });

    it("can be read without JavaScript: the page list, the text and the page links are all there", async () => {
      const { page, context } = await openPage(e2e, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
      await page.goto(e2e.site.url + AUTHENTICATE);
      expect(await page.locator("nav.guide__nav").isVisible()).toBe(true);
      expect(await page.locator(".guide__menu").isVisible()).toBe(false);
      expect(await page.locator(".search-open").isVisible()).toBe(false);
      expect(await page.locator("article h2").count()).toBeGreaterThan(3);
      expect(await page.locator("article").innerText()).toContain("crm.autotask.password");
      expect(await page.locator(".pager a").count()).toBe(2);
      await context.close();
    });
  });
}
