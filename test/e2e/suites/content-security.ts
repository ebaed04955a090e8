import { describe, expect, it } from "vitest";
import { recordCspViolations } from "../support/csp-violations.ts";
import { AUTHENTICATE, openPage, type E2E } from "../support/e2e-context.ts";

export function contentSecuritySuite(e2e: E2E): void {
  describe("under the strict Content-Security-Policy", () => {
    it("runs search, the theme toggle, the element menu and the catalog filter without a single violation", async () => {
      const { page, context, errors } = await openPage(e2e, { viewport: { width: 390, height: 844 } });
      const violationsNow = await recordCspViolations(page);
      const violations: string[] = [];
      const collect = async () => violations.push(...(await violationsNow()));

      const response = await page.goto(e2e.strictSite.url + AUTHENTICATE);
      expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
      await page.getByRole("button", { name: "Switch to dark theme" }).click();
      await page.getByRole("button", { name: "Autotask CRM pages" }).click();
      await page.getByRole("button", { name: "Search" }).click();
      await page.locator("dialog.search[open] .search__input").fill("autotask password");
      await page.locator(".search__link").first().waitFor();
      await collect();

      await page.goto(e2e.strictSite.url + "docs/elements.html");
      await page.getByLabel("Find an element").fill("autotask");
      await collect();

      expect(violations).toEqual([]);
      expect(errors.filter((e) => /Content Security Policy|Refused to/.test(e))).toEqual([]);
      await context.close();
    });
  });
}
