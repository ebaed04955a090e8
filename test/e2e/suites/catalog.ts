import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openPage, type E2E } from "../support/e2e-context.ts";

const CATALOG = "docs/elements.html";
const visibleCards = (page: Page) => page.locator(".card:visible h3").allTextContents();
const visibleHubs = (page: Page) => page.locator(".catalog__hub:visible").evaluateAll((hubs) => hubs.map((h) => (h as HTMLElement).dataset.hub));

export function catalogSuite(e2e: E2E): void {
  describe("catalog", () => {
    it("lists every element, grouped by hub with counts, without JavaScript", async () => {
      const { page, context } = await openPage(e2e, { javaScriptEnabled: false });
      await page.goto(e2e.site.url + CATALOG);
      expect(await page.locator(".catalog-filter").isVisible()).toBe(false);
      const hubs = await page.locator(".catalog__hub").evaluateAll((sections) =>
        sections.map((s) => ({ count: Number(s.querySelector("h2 .count")?.textContent), cards: s.querySelectorAll(".card").length })),
      );
      expect(hubs.length).toBeGreaterThan(0);
      for (const hub of hubs) expect(hub.count).toBe(hub.cards);
      const total = hubs.reduce((sum, hub) => sum + hub.cards, 0);
      expect(await page.locator(".catalog__summary").textContent()).toContain(`${total} element`);
      expect(await visibleCards(page)).toContain("Autotask CRM");
      await context.close();
    });

    it("narrows the cards by words and by hub, hiding hubs left empty", async () => {
      const { page, context, errors } = await openPage(e2e);
      await page.goto(e2e.site.url + CATALOG);
      const all = await visibleCards(page);

      await page.getByLabel("Find an element").fill("autotask");
      await expect.poll(() => visibleCards(page)).toEqual(all.filter((name) => name.toLowerCase().includes("autotask")));
      expect(await page.getByRole("status").textContent()).toMatch(/^\d+ of \d+ elements shown\.$/);

      await page.getByLabel("Hub", { exact: true }).selectOption("crm");
      await expect.poll(() => visibleHubs(page)).toEqual(["crm"]);
      expect(await visibleCards(page)).toEqual(["Autotask CRM"]);

      await page.getByLabel("Find an element").fill("no such element");
      await page.getByText("No element matches your filter.").waitFor();
      await page.getByRole("button", { name: "Show all elements" }).click();
      await expect.poll(() => visibleCards(page)).toEqual(all);
      expect(errors).toEqual([]);
      await context.close();
    });

    it("shows each element's hub, authentication, what its guide covers and its page count", async () => {
      const { page, context } = await openPage(e2e, { javaScriptEnabled: false });
      await page.goto(e2e.site.url + CATALOG);
      const card = page.locator(".card", { has: page.getByRole("link", { name: "Autotask CRM", exact: true }) });
      expect(await card.locator(".card__hub").textContent()).toBe("CRM");
      expect(await card.locator(".card__facts").evaluate((dl) => [...dl.querySelectorAll("dt")].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]))).toEqual([
        ["Authentication", "Basic"],
        ["Covers", "EventsBulkQuery"],
        ["Pages", expect.stringMatching(/^\d+ pages$/)],
      ]);
      await context.close();
    });

    it("narrows the cards by authentication and announces how many are left", async () => {
      const { page, context, errors } = await openPage(e2e);
      await page.goto(e2e.site.url + CATALOG);
      const status = page.locator(".catalog-filter__status");
      expect(await status.getAttribute("aria-live")).toBe("polite");
      await page.getByLabel("Authentication").selectOption("basic");
      const shown = await page.locator(".card:visible").count();
      expect(shown).toBeGreaterThan(0);
      for (const auth of await page.locator(".card:visible .card__auth").allTextContents()) expect(auth).toBe("Basic");
      expect(await status.textContent()).toBe(`${shown} of ${await page.locator(".card").count()} elements shown.`);
      expect(new URL(page.url()).searchParams.get("auth")).toBe("basic");
      expect(errors).toEqual([]);
      await context.close();
    });

    it("keeps the filter in the address, so a filtered catalog can be linked to", async () => {
      const { page, context } = await openPage(e2e);
      await page.goto(`${e2e.site.url}${CATALOG}?hub=crm`);
      expect(await page.getByLabel("Hub", { exact: true }).inputValue()).toBe("crm");
      expect(await visibleHubs(page)).toEqual(["crm"]);
      await context.close();
    });
  });
}
