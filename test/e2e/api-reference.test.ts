// The API reference in headless Chromium: axe finds nothing in either theme, it reads without JavaScript, and
// screenshots at desktop and phone widths in both themes land in test-results/ for a person to look at.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFiles } from "../support/fixture-tree.ts";
import { REPO_ROOT } from "../support/run-cli.ts";
import { launchChromium } from "./support/browser.ts";
import { buildTreeSite } from "./support/built-site.ts";
import { serveFolder, type StaticServer } from "./support/static-server.ts";
import { violations } from "./suites/accessibility.ts";

const SPEC = fs.readFileSync(path.join(REPO_ROOT, "test/fixtures/openapi/every-construct.yaml"), "utf8");
const SCREENSHOTS = path.join(REPO_ROOT, "test-results");
const OVERVIEW = "docs/elements/acme-shop/api-reference.html";
const ORDERS = "docs/elements/acme-shop/api-reference/orders.html";
const guide = (title: string, order: number) =>
  `---\nheading: Acme Shop\ntitle: ${title}\nlayout: sidebarelementdoc\norder: ${order}\nbreadcrumbs: /docs/elements.html\nparent: Back to Element Guides\nhub: crm\nelementKey: acmeshop\n---\n# ${title}\n\nHow to use the Acme Shop element.\n`;

let browser: Browser;
let site: StaticServer;

beforeAll(async () => {
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-reference-e2e-"));
  writeFiles(tree, {
    "_config.yml": "title: Element Guides\n",
    "_data/hubs.yml": "- key: crm\n  name: CRM\n",
    "docs/elements/acme-shop/index.md": guide("Overview", 1),
    "docs/elements/acme-shop/events.md": guide("Events", 30),
    // The fixture's deliberate broken $ref would fail the build: point it at a schema that exists.
    "docs/elements/acme-shop/openapi.yaml": SPEC.replace("#/components/schemas/Cupon", "#/components/schemas/Line"),
  });
  site = await serveFolder(await buildTreeSite(tree));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("the API reference in a browser", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    for (const [name, url] of [["overview", OVERVIEW], ["tag page", ORDERS]]) {
      it(`has no axe violations on the ${name} in the ${colorScheme} theme`, async () => {
        const context = await browser.newContext({ colorScheme, bypassCSP: true, viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.goto(site.url + url);
        // Folded examples too: axe checks what is open.
        await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
        expect(await violations(page)).toEqual([]);
        await context.close();
      });
    }
  }

  it("reads without JavaScript: operations, tables and examples are all there", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url + ORDERS);
    await expect.poll(() => page.getByRole("heading", { level: 2, name: "Create an order" }).isVisible()).toBe(true);
    expect(await page.locator("section[aria-labelledby=createorder] table.api-fields").first().isVisible()).toBe(true);
    expect(await page.locator("section[aria-labelledby=createorder] .code-block[data-lang=bash]").isVisible()).toBe(true);
    await context.close();
  });

  for (const width of [1440, 390]) {
    for (const colorScheme of ["light", "dark"] as const) {
      it(`is photographed at ${width} px, ${colorScheme}`, async () => {
        const context = await browser.newContext({ colorScheme, viewport: { width, height: width > 800 ? 1000 : 844 } });
        const page = await context.newPage();
        await page.goto(`${site.url}${ORDERS}#createorder`, { waitUntil: "networkidle" });
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        const file = path.join(SCREENSHOTS, `api-reference-${width}-${colorScheme}.png`);
        await page.screenshot({ path: file });
        expect(fs.statSync(file).size).toBeGreaterThan(10_000);
        await context.close();
      });
    }
  }
});
