import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import type { StaticServer } from "./static-server.ts";

/** What every suite shares: one build of the site, served twice (plain, and under the strict CSP), one browser. */
export interface E2E {
  /** The built site folder. */
  out: string;
  /** The build's standard output. */
  buildOutput: string;
  site: StaticServer;
  /** The same site, every page sent with the Content-Security-Policy header. */
  strictSite: StaticServer;
  browser: Browser;
}

export const AUTHENTICATE = "docs/elements/autotask-crm/authenticate.html";

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught exceptions and console errors, which a test usually expects to stay empty. */
  errors: string[];
}

/** A fresh context (no stored theme, no cache) with one page, recording script errors. */
export async function openPage(e2e: E2E, options: BrowserContextOptions = {}): Promise<OpenedPage> {
  const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    // The 404 page itself arrives with status 404; Chromium logs that as a failed resource.
    if (message.type() === "error" && !message.text().includes("404 (Not Found)")) errors.push(message.text());
  });
  return { page, context, errors };
}
