import type { Page, Response } from "playwright-core";
import { describe, expect, it } from "vitest";
import { AUTHENTICATE, openPage, type E2E } from "../support/e2e-context.ts";

const BUDGET = 60 * 1024;

/** Bytes of HTML, CSS and JavaScript the page receives (uncompressed), leaving out the search index and images. */
function countTextWeight(page: Page): { total: () => Promise<number>; files: Map<string, number> } {
  const files = new Map<string, number>();
  const pending: Promise<void>[] = [];
  page.on("response", (response: Response) => {
    const type = response.request().resourceType();
    if (!["document", "stylesheet", "script"].includes(type) || new URL(response.url()).pathname.includes("/pagefind/")) return;
    pending.push(response.body().then((body) => void files.set(new URL(response.url()).pathname, body.length)));
  });
  const total = async () => {
    await Promise.all(pending);
    return [...files.values()].reduce((sum, size) => sum + size, 0);
  };
  return { files, total };
}

export function pageWeightSuite(e2e: E2E): void {
  describe("page weight", () => {
    for (const [name, path] of [["home page", ""], ["catalog", "docs/elements.html"]]) {
      it(`keeps the ${name}'s HTML, CSS and JavaScript within 60 KB`, async () => {
        const { page, context } = await openPage(e2e);
        const weight = countTextWeight(page);
        await page.goto(e2e.site.url + path, { waitUntil: "networkidle" });
        const onLoad = await weight.total();
        console.log(`${name} on load: ${onLoad} bytes`, Object.fromEntries(weight.files));
        expect(onLoad).toBeLessThanOrEqual(BUDGET);
        await context.close();
      });
    }

    it("keeps the Autotask CRM Authenticate page's HTML, CSS and JavaScript within 60 KB", async () => {
      const { page, context } = await openPage(e2e);
      const weight = countTextWeight(page);
      await page.goto(e2e.site.url + AUTHENTICATE, { waitUntil: "networkidle" });
      const onLoad = await weight.total();
      console.log(`Authenticate page on load: ${onLoad} bytes`, Object.fromEntries(weight.files));
      expect(onLoad).toBeLessThanOrEqual(BUDGET);

      // The search UI arrives only when the reader opens search, like the index; reported, not budgeted.
      await page.getByRole("button", { name: "Search" }).click();
      await page.locator("dialog.search[open]").waitFor();
      await page.waitForLoadState("networkidle");
      console.log(`…and with the search dialog opened: ${await weight.total()} bytes (search index excluded)`);
      await context.close();
    });
  });
}
