import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HtmlPage } from "../../support/html-page.ts";
import { AUTHENTICATE, openPage, type E2E } from "../support/e2e-context.ts";

export function siteFilesSuite(e2e: E2E): void {
  const read = (rel: string) => fs.readFileSync(path.join(e2e.out, rel), "utf8");

  describe("site files", () => {
    it("serves 404.html for a missing address, with a way back to the guides", async () => {
      const { page, context } = await openPage(e2e);
      const response = await page.goto(e2e.site.url + "docs/elements/no-such-element/index.html");
      expect(response?.status()).toBe(404);
      expect(await page.locator("h1").textContent()).toBe("Page not found");
      await page.getByRole("link", { name: "Browse all element guides" }).click();
      await expect.poll(() => page.url()).toMatch(/\/docs\/elements\.html$/);
      await context.close();
    });

    it("writes robots.txt naming the sitemap, and a sitemap without the 404 page", () => {
      expect(read("robots.txt")).toBe("User-agent: *\nAllow: /\nSitemap: https://elements.example.test/sitemap.xml\n");
      const sitemap = read("sitemap.xml");
      expect(sitemap).toContain(`<loc>https://elements.example.test/${AUTHENTICATE}</loc>`);
      expect(sitemap).not.toContain("404.html");
    });

    it("gives every page a canonical link, Open Graph and Twitter card tags", () => {
      for (const rel of ["index.html", "docs/elements.html", AUTHENTICATE]) {
        const page = new HtmlPage(read(rel));
        const url = `https://elements.example.test/${rel}`;
        expect(page.one('link[rel="canonical"]').attribs.href).toBe(url);
        expect(page.one('meta[property="og:url"]').attribs.content).toBe(url);
        expect(page.one('meta[property="og:title"]').attribs.content).toBe(page.text("title"));
        expect(page.one('meta[name="twitter:card"]').attribs.content).toBe("summary");
      }
      const notFound = new HtmlPage(read("404.html"));
      expect(notFound.one('meta[name="robots"]').attribs.content).toBe("noindex");
      expect(notFound.all('link[rel="canonical"]')).toEqual([]);
    });
  });
}
