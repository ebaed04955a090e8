import { describe, expect, it } from "vitest";
import { openPage, type E2E } from "../support/e2e-context.ts";

export function notFoundSuite(e2e: E2E): void {
  describe("404 page", () => {
    it("suggests the pages closest to a mistyped address and offers search with its words", async () => {
      const { page, context, errors } = await openPage(e2e);
      const response = await page.goto(e2e.site.url + "docs/elements/autotask-crn/authentcate.html");
      expect(response?.status()).toBe(404);
      const first = page.locator(".not-found__suggestions a").first();
      await first.waitFor();
      expect(await first.getAttribute("href")).toBe("/docs/elements/autotask-crm/authenticate.html");
      expect(await page.locator(".not-found__suggestions a").count()).toBeLessThanOrEqual(5);

      const query = page.getByLabel("Search the guides for");
      expect(await query.inputValue()).toBe("autotask crn authentcate");
      await query.fill("authenticate autotask");
      await page.getByRole("button", { name: "Search", exact: true }).last().click();
      const input = page.locator("dialog.search[open] .search__input");
      await input.waitFor();
      expect(await input.inputValue()).toBe("authenticate autotask");
      await page.locator(".search__link").first().waitFor();
      expect(errors).toEqual([]);
      await context.close();
    });

    it("lists nothing for an address like no page, and still links to the catalog", async () => {
      const { page, context } = await openPage(e2e);
      await page.goto(e2e.site.url + "pricing/enterprise-plans.html");
      await page.waitForLoadState("networkidle");
      expect(await page.locator(".not-found__suggestions").isVisible()).toBe(false);
      expect(await page.getByRole("link", { name: "Browse all element guides" }).getAttribute("href")).toBe("/docs/elements.html");
      await context.close();
    });
  });
}
