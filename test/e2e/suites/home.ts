import { describe, expect, it } from "vitest";
import { openPage, type E2E } from "../support/e2e-context.ts";

export function homeSuite(e2e: E2E): void {
  describe("home page", () => {
    it("reads without JavaScript: one card per hub with its count and first elements, Start here, Recently updated", async () => {
      const { page, context } = await openPage(e2e, { javaScriptEnabled: false });
      await page.goto(e2e.site.url);
      expect(await page.locator(".home-search").isVisible()).toBe(false);
      const hubs = await page.locator(".hub-card").evaluateAll((cards) =>
        cards.map((card) => ({
          name: card.querySelector("h3")?.textContent?.trim(),
          count: Number(card.querySelector(".hub-card__count")?.textContent?.match(/\d+/)?.[0]),
          elements: [...card.querySelectorAll(".hub-card__elements a:not(.hub-card__all)")].map((a) => a.getAttribute("href")),
          hasLine: Boolean(card.querySelector(".hub-card__text")?.textContent?.trim()),
          hasIcon: Boolean(card.querySelector(".hub-card__icon svg path")),
        })),
      );
      // The catalog's hubs, each with as many elements as its catalog section has cards.
      await page.goto(e2e.site.url + "docs/elements.html");
      const sections = await page.locator(".catalog__hub").evaluateAll((all) =>
        all.map((s) => ({ name: s.querySelector("h2")?.textContent?.replace(/\d+$/, "").trim(), cards: s.querySelectorAll(".card").length })),
      );
      expect(hubs.map((h) => [h.name, h.count])).toEqual(sections.map((s) => [s.name, s.cards]));
      for (const hub of hubs) {
        expect(hub.elements.length).toBe(Math.min(3, hub.count));
        for (const href of hub.elements) expect(href).toMatch(/^\/docs\/elements\/[^/]+\/index\.html$/);
        expect(hub.hasLine && hub.hasIcon).toBe(true);
      }

      await page.goto(e2e.site.url);
      const steps = await page.locator(".start-step a").evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute("href")]));
      expect(steps.slice(0, 2)).toEqual([
        ["What is an element?", "/docs/elements.html"],
        ["Authenticate an instance", "/docs/elements/autotask-crm/authenticate.html"],
      ]);
      const recent = await page.locator(".recent-page time").evaluateAll((times) => times.map((t) => t.getAttribute("datetime")));
      expect(recent.length).toBeGreaterThan(0);
      expect([...recent].sort().reverse()).toEqual(recent);
      await context.close();
    });

    it("opens search from the search box in the middle of the page", async () => {
      const { page, context, errors } = await openPage(e2e);
      await page.goto(e2e.site.url);
      await page.getByRole("button", { name: "Search the guides" }).click();
      await page.locator("dialog.search[open] .search__input").waitFor();
      expect(await page.evaluate(() => document.activeElement?.classList.contains("search__input"))).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });
  });
}
