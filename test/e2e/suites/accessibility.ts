import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { AUTHENTICATE, openPage, type E2E } from "../support/e2e-context.ts";

const axeSource = (createRequire(import.meta.url)("axe-core") as { source: string }).source;

const PAGES: Record<string, string> = {
  home: "",
  catalog: "docs/elements.html",
  "element page": AUTHENTICATE,
  "404 page": "no/such/page.html",
};

interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/**
 * axe-core's violations on the page as it is now. axe is injected as an inline script, which the page's own
 * Content-Security-Policy <meta> blocks, so its contexts are opened with `bypassCSP`.
 */
export async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const found = await page.evaluate(
    () => (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe.run(),
  );
  return found.violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

export function accessibilitySuite(e2e: E2E): void {
  describe("accessibility (axe-core)", () => {
    for (const colorScheme of ["light", "dark"] as const) {
      for (const [name, path] of Object.entries(PAGES)) {
        it(`finds no violations on the ${name} in the ${colorScheme} theme`, async () => {
          const { page, context } = await openPage(e2e, { colorScheme, bypassCSP: true });
          await page.goto(e2e.site.url + path);
          expect(await violations(page)).toEqual([]);
          await context.close();
        });
      }
    }

    it("finds no violations in the open search dialog with results, on a phone", async () => {
      const { page, context } = await openPage(e2e, { viewport: { width: 390, height: 844 }, bypassCSP: true });
      await page.goto(e2e.site.url + AUTHENTICATE);
      await page.getByRole("button", { name: "Search" }).click();
      await page.locator("dialog.search[open] .search__input").fill("events");
      await page.locator(".search__link").first().waitFor();
      expect(await violations(page)).toEqual([]);
      await context.close();
    });
  });
}
