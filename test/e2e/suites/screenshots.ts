import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../support/run-cli.ts";
import { AUTHENTICATE, openPage, type E2E } from "../support/e2e-context.ts";

const OUT = path.join(REPO_ROOT, "test-results");

export function screenshotSuite(e2e: E2E): void {
  describe("screenshots (test-results/, for a person to look at)", () => {
    for (const width of [1280, 390]) {
      for (const colorScheme of ["light", "dark"] as const) {
        it(`element page at ${width} px, ${colorScheme}`, async () => {
          const { page, context } = await openPage(e2e, { viewport: { width, height: width > 800 ? 900 : 844 }, colorScheme });
          await page.goto(e2e.site.url + AUTHENTICATE, { waitUntil: "networkidle" });
          fs.mkdirSync(OUT, { recursive: true });
          const file = path.join(OUT, `element-page-${width}-${colorScheme}.png`);
          await page.screenshot({ path: file });
          expect(fs.statSync(file).size).toBeGreaterThan(10_000);
          await context.close();
        });
      }
    }
  });
}
