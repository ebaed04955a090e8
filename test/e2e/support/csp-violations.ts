import type { Page } from "playwright-core";

/**
 * Starts recording the Content-Security-Policy violations of every document `page` opens from now on, as
 * "<directive> <blocked URI>"; the returned function reads the current document's. Recorded by an init script,
 * which no page policy governs.
 */
export async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}
