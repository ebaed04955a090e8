// Screenshots of the pages a reader sees first, compared with the baselines committed in screenshots/: the home
// page, the catalog, a guide (at its wide Parameters table), the search dialog and the 404 page, at 1440 and 390 px,
// in both themes. A page that differs from its baseline fails, with the screenshot and a picture of the difference
// in test-results/screenshots/. `npm run screenshots -- --update` accepts the pages as they are now.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/run-cli.ts";
import { launchChromium } from "./support/browser.ts";
import { compare, encode, encodeDiff, readBaseline, reduce, writePng, type Comparison } from "./support/compare-screenshot.ts";
import { buildDatedSite } from "./support/dated-site.ts";
import { AUTHENTICATE } from "./support/e2e-context.ts";
import { serveFolder, type StaticServer } from "./support/static-server.ts";

const BASELINES = path.join(import.meta.dirname, "screenshots");
const RESULTS = path.join(REPO_ROOT, "test-results", "screenshots");
const UPDATE = process.env.UPDATE_SCREENSHOTS === "1";
/** Share of pixels (of the reduced image) allowed to differ: a caret, a rounding at an edge, never a moved box. */
const TOLERANCE = 0.001;

interface Shot {
  name: string;
  path: string;
  /** The whole page, or only the window (after `prepare`). */
  fullPage: boolean;
  prepare?: (page: Page) => Promise<void>;
}

const SHOTS: Shot[] = [
  { name: "home", path: "", fullPage: true },
  { name: "catalog", path: "docs/elements.html", fullPage: true },
  {
    name: "guide",
    path: `${AUTHENTICATE}#parameters`,
    fullPage: false,
  },
  {
    name: "search",
    path: "",
    fullPage: false,
    prepare: async (page) => {
      await page.getByRole("button", { name: "Search", exact: true }).click();
      await page.locator("dialog.search[open] .search__input").fill("events");
      await page.locator(".search__link").first().waitFor();
      await page.waitForLoadState("networkidle");
    },
  },
  {
    name: "404",
    path: "docs/elements/autotask-crn/authentcate.html",
    fullPage: true,
    prepare: (page) => page.locator(".not-found__suggestions li").first().waitFor(),
  },
];

const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];

let site: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = await serveFolder((await buildDatedSite()).out);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** No animation or transition (the site has none today; one added later must not make the screenshots flaky). */
const STILL = "*, *::before, *::after { animation: none !important; transition: none !important; }\n";

/** The page as a reader first sees it, with nothing that moves: no caret, no animation, fonts loaded. */
async function screenshot(shot: Shot, viewport: { width: number; height: number }, colorScheme: "light" | "dark", css?: string): Promise<Buffer> {
  // bypassCSP: the test that perturbs the layout adds a <style>, which the page's policy would block.
  const context = await browser.newContext({ viewport, colorScheme, reducedMotion: "reduce", bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.goto(site.url + shot.path, { waitUntil: "load" });
    await page.addStyleTag({ content: STILL + (css ?? "") });
    await shot.prepare?.(page);
    await page.evaluate(() => document.fonts.ready);
    return await page.screenshot({ fullPage: shot.fullPage, caret: "hide" });
  } finally {
    await context.close();
  }
}

function describeDifference(name: string, result: Comparison): string {
  const what = result.sizeChanged ? "its size changed" : `${result.differing} pixels (${(result.share * 100).toFixed(2)} %) differ`;
  return (
    `${name}: ${what}. See test-results/screenshots/${name}.png and ${name}.diff.png; ` +
    "if the change is meant, accept it with `npm run screenshots -- --update` and commit the new baseline."
  );
}

describe("screenshots match their baselines", () => {
  for (const shot of SHOTS) {
    for (const viewport of WIDTHS) {
      for (const colorScheme of ["light", "dark"] as const) {
        const name = `${shot.name}-${viewport.width}-${colorScheme}`;
        it(name, async () => {
          const actual = reduce(await screenshot(shot, viewport, colorScheme));
          const file = path.join(BASELINES, `${name}.png`);
          if (UPDATE) {
            writePng(file, encode(actual));
            return;
          }
          const baseline = readBaseline(file);
          if (!baseline) {
            writePng(path.join(RESULTS, `${name}.png`), encode(actual));
            throw new Error(`${name}: no baseline yet. Look at test-results/screenshots/${name}.png, then run \`npm run screenshots -- --update\`.`);
          }
          const result = compare(actual, baseline);
          if (result.share > TOLERANCE) {
            writePng(path.join(RESULTS, `${name}.png`), encode(actual));
            if (result.diff) writePng(path.join(RESULTS, `${name}.diff.png`), encodeDiff(result.diff));
          }
          expect(result.share, describeDifference(name, result)).toBeLessThanOrEqual(TOLERANCE);
        });
      }
    }
  }
});

describe("the comparison", () => {
  it("fails when the layout moves by a few pixels or a card grows", async () => {
    const home = SHOTS.find((shot) => shot.name === "home")!;
    const catalog = SHOTS.find((shot) => shot.name === "catalog")!;
    const desktop = WIDTHS[0];
    const moved = compare(reduce(await screenshot(home, desktop, "light", "main { padding-top: calc(1.5rem + 4px) !important; }")), readBaseline(path.join(BASELINES, "home-1440-light.png"))!);
    expect(moved.share).toBeGreaterThan(TOLERANCE);
    const roomier = compare(reduce(await screenshot(catalog, desktop, "light", ".card { padding: 1.5rem !important; }")), readBaseline(path.join(BASELINES, "catalog-1440-light.png"))!);
    expect(roomier.share).toBeGreaterThan(TOLERANCE);
  });

  it("passes the page as it is, taken twice", async () => {
    const guide = SHOTS.find((shot) => shot.name === "guide")!;
    const first = reduce(await screenshot(guide, WIDTHS[1], "dark"));
    const second = reduce(await screenshot(guide, WIDTHS[1], "dark"));
    expect(compare(first, second).differing).toBe(0);
  });
});
