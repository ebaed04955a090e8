import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { AUTHENTICATE, openPage, type E2E } from "../support/e2e-context.ts";

/** The seed page's Parameters table: its width, what it scrolls, its scroll cue, and the prose column's width. */
function parametersTable(page: Page) {
  return page.evaluate(() => {
    const table = [...document.querySelectorAll(".doc__content > table")].find((t) => t.textContent?.includes("event.notification.enabled"))!;
    const toc = document.querySelector(".doc > .toc")?.getBoundingClientRect();
    return {
      overflow: table.scrollWidth - table.clientWidth,
      right: table.getBoundingClientRect().right,
      proseRight: document.querySelector(".doc__content")!.getBoundingClientRect().right,
      tocLeft: toc && toc.width > 0 ? toc.left : undefined,
      more: (table as HTMLElement).dataset.more,
    };
  });
}

export function wideContentSuite(e2e: E2E): void {
  describe("wide tables", () => {
    it("use the free width beside the text at 1440 px instead of scrolling, clear of On this page", async () => {
      const { page, context } = await openPage(e2e, { viewport: { width: 1440, height: 900 } });
      await page.goto(e2e.site.url + AUTHENTICATE);
      const table = await parametersTable(page);
      expect(table.overflow).toBe(0);
      expect(table.more).toBeUndefined();
      expect(table.right).toBeGreaterThan(table.proseRight);
      expect(table.right).toBeLessThanOrEqual(table.tocLeft!);
      await context.close();
    });

    it("scroll where there is no room, with a cue on the side that has more", async () => {
      const { page, context } = await openPage(e2e, { viewport: { width: 1280, height: 900 } });
      await page.goto(e2e.site.url + AUTHENTICATE);
      expect((await parametersTable(page)).overflow).toBeGreaterThan(0);
      await expect.poll(async () => (await parametersTable(page)).more).toBe("right");
      await page.evaluate(() => {
        const table = [...document.querySelectorAll(".doc__content > table")].find((t) => t.textContent?.includes("event.notification.enabled"))!;
        table.scrollLeft = table.scrollWidth;
      });
      await expect.poll(async () => (await parametersTable(page)).more).toBe("left");
      await context.close();
    });
  });
}
