import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { AUTHENTICATE, openPage, type E2E } from "../support/e2e-context.ts";
import { readSearchIndex } from "../support/search-index.ts";

/** Waits until the dialog shows results for what was typed, then returns each result's parts. */
async function results(page: Page): Promise<Array<{ where: string; title: string; href: string }>> {
  await page.locator(".search__status").filter({ hasText: /page/ }).waitFor();
  return page.locator(".search__link").evaluateAll((links) =>
    links.map((link) => ({
      where: link.querySelector(".search__where")?.textContent ?? "",
      title: link.querySelector(".search__title")?.textContent ?? "",
      href: (link as HTMLAnchorElement).href,
    })),
  );
}

const pageCount = async (page: Page) => Number(/^(\d+)/.exec((await page.locator(".search__status").textContent()) ?? "")?.[1]);

export function searchSuite(e2e: E2E): void {
  describe("search", () => {
    it("opens with /, and lists Autotask CRM's Authenticate page first or second for 'autotask password'", async () => {
      const { page, context, errors } = await openPage(e2e);
      await page.goto(e2e.site.url + AUTHENTICATE);
      await page.keyboard.press("/");
      await page.locator("dialog.search[open] .search__input").waitFor();
      await page.keyboard.type("autotask password");
      const found = await results(page);
      const position = found.findIndex((r) => r.href.endsWith(AUTHENTICATE));
      expect(position, JSON.stringify(found.slice(0, 3))).toBeGreaterThanOrEqual(0);
      expect(position).toBeLessThanOrEqual(1);
      expect(found[position]).toMatchObject({ title: "Authenticate", where: "Autotask CRM · CRM" });
      expect(errors).toEqual([]);
      await context.close();
    });

    it("opens with Ctrl+K, moves through results with the arrow keys and opens one with Enter", async () => {
      const { page, context } = await openPage(e2e);
      await page.goto(e2e.site.url);
      await page.keyboard.press("Control+k");
      await page.locator("dialog.search[open] .search__input").waitFor();
      await page.keyboard.type("bulk");
      const found = await results(page);
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowUp");
      expect(await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href)).toBe(found[0].href);
      await page.keyboard.press("Enter");
      await expect.poll(() => page.url()).toBe(found[0].href);
      await context.close();
    });

    it("closes with Escape and gives focus back to the Search button", async () => {
      const { page, context } = await openPage(e2e);
      await page.goto(e2e.site.url + AUTHENTICATE);
      await page.getByRole("button", { name: "Search" }).click();
      await page.locator("dialog.search[open]").waitFor();
      await page.keyboard.press("Escape");
      await page.locator("dialog.search[open]").waitFor({ state: "detached" });
      expect(await page.evaluate(() => document.activeElement?.className)).toContain("search-open");
      await context.close();
    });

    it("narrows the results to one hub with the hub filter", async () => {
      const { page, context } = await openPage(e2e);
      await page.goto(e2e.site.url);
      await page.keyboard.press("/");
      await page.locator("dialog.search[open] .search__input").waitFor();
      // Every guide and the catalog speak of authenticated instances.
      await page.keyboard.type("authenticate");
      await results(page);
      const everywhere = await pageCount(page);
      await page.locator('.search__filter[data-filter="hub"]').selectOption("CRM");
      await expect.poll(() => pageCount(page)).toBeLessThan(everywhere);
      const inCrm = await results(page);
      expect(inCrm.length).toBeGreaterThan(0);
      for (const result of inCrm) expect(result.where).toMatch(/ · CRM$/);
      await context.close();
    });

    it("indexes the text of guide pages and the catalog only, with element, hub and title", () => {
      const pages = readSearchIndex(e2e.out);
      expect(pages.map((p) => p.url)).toContain("/docs/elements.html");
      expect(pages.some((p) => p.url === "/index.html" || p.url === "/404.html")).toBe(false);
      const auth = pages.find((p) => p.url === `/${AUTHENTICATE}`)!;
      expect(auth.meta).toMatchObject({ title: "Authenticate", element: "Autotask CRM", hub: "CRM" });
      expect(auth.filters).toEqual({ hub: ["CRM"], element: ["Autotask CRM"] });
      expect(auth.content).toContain("crm.autotask.password");
      // Not the header, sidebar, footer, pager, code block toolbars or heading links.
      for (const chrome of ["Skip to content", "Back to Element Guides", "Switch to dark theme", "Last updated", "Next Events", "JSON Copy"]) {
        expect(auth.content).not.toContain(chrome);
      }
      expect(e2e.buildOutput).toMatch(/^Search index: \d+ pages in [\d.]+ s$/m);
    });
  });
}
