// The repository's own site, built with `npm run build` semantics into a temporary folder.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { HtmlPage, textOf } from "../support/html-page.ts";
import { REPO_ROOT, runCli, type CliResult } from "../support/run-cli.ts";

let out: string;
let result: CliResult;
const page = (rel: string) => HtmlPage.read(out, rel);
const AUTH = "docs/elements/autotask-crm/authenticate.html";
// SHA-256 of the Autotask CRM Authenticate page exactly as the user handed it over (the seed page): the copies in
// the repository must stay byte for byte that page.
const SEED_PAGE_SHA256 = "9991142fd0970e9f33aab10b3a23b204a6965284cf6fe4d2972f38a54d0812c5";

beforeAll(async () => {
  out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-site-")), "_site");
  result = await runCli("build.ts", ["--out", out]);
});

describe("the default site", () => {
  it("builds cleanly and says how many pages it wrote", () => {
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Built \d+ pages in [\d.]+ s/);
  });

  it("keeps the seed page verbatim, in the site and in the Markdown unit tests' fixtures", () => {
    for (const copy of ["docs/elements/autotask-crm/authenticate.md", "test/unit/markdown/fixtures/autotask-crm-authenticate.md"]) {
      const hash = crypto.createHash("sha256").update(fs.readFileSync(path.join(REPO_ROOT, copy))).digest("hex");
      expect(hash, copy).toBe(SEED_PAGE_SHA256);
    }
  });

  it("renders the Autotask CRM Authenticate heading from its include", () => {
    expect(page(AUTH).one("h1#authenticate-with-autotask-crm")).toBeTruthy();
    expect(page(AUTH).text("h1")).toBe("Authenticate with Autotask CRM");
  });

  it("shows the /instances request body with the element key and configuration keys highlighted by Shiki", () => {
    const blocks = page(AUTH).all('.code-block[data-lang="json"]').map(textOf);
    const body = blocks.find((text) => text.includes('"key": "autotaskcrm"'));
    expect(body).toBeDefined();
    expect(body).toContain("crm.autotask.username");
    const highlighted = page(AUTH)
      .all('.code-block[data-lang="json"] pre.shiki span[style*="--shiki-light"]')
      .map(textOf);
    expect(highlighted).toContain('"autotaskcrm"');
    expect(highlighted.some((t) => t.includes("crm.autotask.username"))).toBe(true);
  });

  it("has the example response section with its JSON highlighted", () => {
    const auth = page(AUTH);
    const heading = auth.one("h2#example-response-for-an-authenticated-element-instance");
    expect(textOf(heading)).toBe("Example Response for an Authenticated Element Instance");
    const response = auth.all('.code-block[data-lang="json"]').map(textOf).find((t) => t.includes('"hookName": "AutotaskCRM"'));
    expect(response).toBeDefined();
    expect(auth.all('pre.shiki span[style*="--shiki-light"]').map(textOf)).toContain('"AutotaskCRM"');
  });

  it("points every #fragment link on the page at an id that exists", () => {
    const auth = page(AUTH);
    const ids = auth.ids();
    const fragments = auth
      .all("a[href]")
      .map((a) => a.attribs.href)
      .filter((href) => href.startsWith("#"));
    expect(fragments.length).toBeGreaterThan(2);
    for (const href of fragments) expect(ids, href).toContain(decodeURIComponent(href.slice(1)));
  });

  it("lists the Autotask CRM pages in sidebar order with Authenticate current", () => {
    const links = page(AUTH).all("nav.guide__nav a");
    expect(links.map(textOf)).toEqual(["Overview", "API Provider Setup", "Authenticate", "Events", "Bulk", "Querying"]);
    expect(links.filter((a) => a.attribs["aria-current"] === "page").map(textOf)).toEqual(["Authenticate"]);
  });

  it("serves the catalog at /docs/elements.html, grouped by hub, linking to each Overview", () => {
    const catalog = page("docs/elements.html");
    expect(catalog.texts("h2").some((t) => t.startsWith("CRM"))).toBe(true);
    expect(catalog.all('a[href="/docs/elements/autotask-crm/index.html"]').length).toBeGreaterThan(0);
  });

  it("has a home page that says what the site is and links to the catalog", () => {
    const home = page("index.html");
    expect(home.all('main a[href="/docs/elements.html"]').length).toBeGreaterThan(0);
    expect(home.text("main").length).toBeGreaterThan(80);
  });

  it("copies the theme's assets", () => {
    expect(fs.existsSync(path.join(out, "assets/css/site.css"))).toBe(true);
    expect(fs.existsSync(path.join(out, "assets/js/site.js"))).toBe(true);
  });
});
