import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { AUTHENTICATE, openPage, type E2E } from "../support/e2e-context.ts";

const background = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => getComputedStyle(el).backgroundColor);

// --bg and the Shiki themes' own backgrounds (github-light, github-dark).
const PAGE_LIGHT = "rgb(255, 255, 255)";
const PAGE_DARK = "rgb(15, 19, 24)";
const CODE_LIGHT = "rgb(255, 255, 255)";
const CODE_DARK = "rgb(36, 41, 46)";

export function controlsSuite(e2e: E2E): void {
  describe("copy button and theme", () => {
    it("copies a code block's text to the clipboard", async () => {
      const { page, context } = await openPage(e2e);
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(e2e.site.url).origin });
      await page.goto(e2e.site.url + AUTHENTICATE);
      const block = page.locator(".code-block").first();
      await block.getByRole("button", { name: "Copy" }).click();
      await block.getByRole("button", { name: "Copied" }).waitFor();
      const code = await block.locator("pre").evaluate((pre) => pre.textContent);
      expect(code).toContain("crm.autotask.username");
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
      await context.close();
    });

    it("switches to dark with the toggle, code blocks included, and keeps the choice after a reload", async () => {
      const { page, context } = await openPage(e2e, { colorScheme: "light" });
      await page.goto(e2e.site.url + AUTHENTICATE);
      const toggle = page.locator(".theme-toggle");
      expect(await toggle.textContent()).toBe("Switch to dark theme");
      expect(await background(page, "body")).toBe(PAGE_LIGHT);
      expect(await background(page, "pre.shiki")).toBe(CODE_LIGHT);

      await toggle.click();
      expect(await toggle.textContent()).toBe("Switch to light theme");
      expect(await background(page, "body")).toBe(PAGE_DARK);
      expect(await background(page, "pre.shiki")).toBe(CODE_DARK);

      await page.reload();
      expect(await page.locator("html").getAttribute("data-theme")).toBe("dark");
      expect(await toggle.textContent()).toBe("Switch to light theme");
      expect(await background(page, "body")).toBe(PAGE_DARK);
      await context.close();
    });

    it("follows the system's dark setting when the reader has not chosen", async () => {
      const { page, context } = await openPage(e2e, { colorScheme: "dark" });
      await page.goto(e2e.site.url + AUTHENTICATE);
      expect(await page.locator("html").getAttribute("data-theme")).toBeNull();
      expect(await background(page, "body")).toBe(PAGE_DARK);
      expect(await page.locator(".theme-toggle").textContent()).toBe("Switch to light theme");
      await context.close();
    });

    it("prints the text alone, in the light theme, without the navigation", async () => {
      const { page, context } = await openPage(e2e, { colorScheme: "dark" });
      await page.goto(e2e.site.url + AUTHENTICATE);
      await page.emulateMedia({ media: "print" });
      for (const selector of [".site-header", ".guide__sidebar", ".toc", ".breadcrumbs", ".pager", ".site-footer", ".code-block__bar"]) {
        expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
      }
      expect(await page.locator("article").isVisible()).toBe(true);
      expect(await background(page, "body")).toBe(PAGE_LIGHT);
      await context.close();
    });

    it("shows a visible focus ring and a skip link for keyboard users", async () => {
      const { page, context } = await openPage(e2e);
      await page.goto(e2e.site.url + AUTHENTICATE);
      await page.keyboard.press("Tab");
      const skip = page.getByRole("link", { name: "Skip to content" });
      expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await skip.isVisible()).toBe(true);
      await page.keyboard.press("Tab");
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      expect(outline).toBe("solid");
      await context.close();
    });
  });
}
