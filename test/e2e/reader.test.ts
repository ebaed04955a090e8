// The reader's experience, proven in headless Chromium (Debian's, see support/browser.ts) on the repository's
// own site: one build, one static server, one browser, shared by the suites below.
import { afterAll, beforeAll } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../src/render/content-security-policy.ts";
import { launchChromium } from "./support/browser.ts";
import { buildDatedSite } from "./support/dated-site.ts";
import type { E2E } from "./support/e2e-context.ts";
import { serveFolder } from "./support/static-server.ts";
import { accessibilitySuite } from "./suites/accessibility.ts";
import { catalogSuite } from "./suites/catalog.ts";
import { contentSecuritySuite } from "./suites/content-security.ts";
import { homeSuite } from "./suites/home.ts";
import { controlsSuite } from "./suites/controls.ts";
import { navigationSuite } from "./suites/navigation.ts";
import { notFoundSuite } from "./suites/not-found.ts";
import { pageWeightSuite } from "./suites/page-weight.ts";
import { phoneSuite } from "./suites/phone.ts";
import { searchSuite } from "./suites/search.ts";
import { siteFilesSuite } from "./suites/site-files.ts";
import { wideContentSuite } from "./suites/wide-content.ts";

const e2e = {} as E2E;

beforeAll(async () => {
  const { out, result } = await buildDatedSite();
  e2e.out = out;
  e2e.buildOutput = result.stdout;
  e2e.site = await serveFolder(out);
  e2e.strictSite = await serveFolder(out, { headers: { "content-security-policy": CONTENT_SECURITY_POLICY } });
  e2e.browser = await launchChromium();
});

afterAll(async () => {
  await e2e.browser?.close();
  await e2e.site?.close();
  await e2e.strictSite?.close();
});

navigationSuite(e2e);
searchSuite(e2e);
controlsSuite(e2e);
phoneSuite(e2e);
catalogSuite(e2e);
homeSuite(e2e);
notFoundSuite(e2e);
wideContentSuite(e2e);
accessibilitySuite(e2e);
contentSecuritySuite(e2e);
siteFilesSuite(e2e);
pageWeightSuite(e2e);
// Screenshots are compared with their baselines in screenshots.test.ts, on a build of their own.
