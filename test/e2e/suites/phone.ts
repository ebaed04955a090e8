import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { AUTHENTICATE, openPage, type E2E } from "../support/e2e-context.ts";

/** The page's horizontal overflow, and every element that scrolls sideways. */
function sidewaysScrolling(page: Page) {
  return page.evaluate(() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    scrollers: [...document.querySelectorAll("body *")]
      .filter((el) => el.scrollWidth > el.clientWidth && /auto|scroll/.test(getComputedStyle(el).overflowX))
      .map((el) => el.tagName.toLowerCase() + (el.className ? `.${String(el.className).split(" ")[0]}` : "")),
  }));
}

export function phoneSuite(e2e: E2E): void {
  describe("on a 390 px phone", () => {
    it("opens and closes the element's page list with its button", async () => {
      const { page, context } = await openPage(e2e, { viewport: { width: 390, height: 844 } });
      await page.goto(e2e.site.url + AUTHENTICATE);
      const menu = page.getByRole("button", { name: "Autotask CRM pages" });
      const list = page.getByRole("navigation", { name: "Autotask CRM pages" });
      expect(await list.isVisible()).toBe(false);
      expect(await menu.getAttribute("aria-expanded")).toBe("false");

      await menu.click();
      expect(await list.isVisible()).toBe(true);
      expect(await menu.getAttribute("aria-expanded")).toBe("true");
      await list.getByRole("link", { name: "Events" }).waitFor();

      await menu.click();
      expect(await list.isVisible()).toBe(false);
      expect(await menu.getAttribute("aria-expanded")).toBe("false");
      await context.close();
    });

    const guide = ["index", "api-provider-setup", "authenticate", "events", "bulk", "querying"].map((p) => `docs/elements/autotask-crm/${p}.html`);
    for (const path of ["", "docs/elements.html", ...guide, "missing.html"]) {
      it(`scrolls nothing sideways but code blocks on /${path}`, async () => {
        const { page, context } = await openPage(e2e, { viewport: { width: 390, height: 844 } });
        await page.goto(e2e.site.url + path);
        const { page: overflow, scrollers } = await sidewaysScrolling(page);
        expect(overflow).toBe(0);
        for (const scroller of scrollers) expect(scroller).toMatch(/^pre\.shiki$/);
        await context.close();
      });
    }
  });
}
