// A site AI agents can read (issue 15, point 5): a Markdown twin beside each page whose words are the page's,
// /llms.txt in the llmstxt.org format and /llms-full.txt, all under the base path and without unpublished pages;
// and the guide page's "Copy as Markdown" button, clicked in Chromium under the site's Content-Security-Policy.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import yaml from "js-yaml";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../src/render/content-security-policy.ts";
import { launchChromium } from "../e2e/support/browser.ts";
import { serveFolder, type StaticServer } from "../e2e/support/static-server.ts";
import { siteFiles } from "../deploy/support/site-urls.ts";
import { jekyllCompatTree, writeFiles } from "../support/fixture-tree.ts";
import { HtmlPage } from "../support/html-page.ts";
import { runCli } from "../support/run-cli.ts";
import { parseLlmsTxt, type ParsedLlmsTxt } from "./support/llms-parse.ts";
import { markdownWords, pageWords } from "./support/text-words.ts";

const ORIGIN = "https://connectors.example.test"; // the fixture's url:
const BASE = "/guides/";
const SITE = `${ORIGIN}/guides/`;
const DESCRIPTION = "Guides for the connectors of Tidewater, one element at a time.";
const UNPUBLISHED = "Unfinished: no reader may see this page."; // the fixture's published: false page

let tree: string;
let out: string;
let llms: ParsedLlmsTxt;

/** The front matter of a Markdown file, and what follows it. */
function frontMatter(text: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) return { data: {}, body: text };
  return { data: (yaml.load(match[1]) as Record<string, unknown>) ?? {}, body: match[2] };
}

/** Pages of the tree: Markdown files with front matter under docs/, unless unpublished. */
function treePages(): string[] {
  return siteFiles(path.join(tree, "docs"))
    .map((rel) => `docs/${rel}`)
    .filter((rel) => rel.endsWith(".md"))
    .filter((rel) => {
      const text = fs.readFileSync(path.join(tree, rel), "utf8");
      return text.startsWith("---\n") && frontMatter(text).data.published !== false;
    });
}

const read = (rel: string) => fs.readFileSync(path.join(out, rel), "utf8");

beforeAll(async () => {
  tree = jekyllCompatTree();
  fs.appendFileSync(path.join(tree, "_config.yml"), `description: ${DESCRIPTION}\n`);
  writeFiles(tree, {
    // A page outside the elements with root-relative links, a fenced example of one, and an include.
    "docs/reading-with-agents.md": [
      "---",
      "title: Reading with agents",
      "description: 'How an assistant reads these guides: one page, or all of them.'",
      "layout: sidebarelementdoc",
      "order: 3",
      "---",
      "",
      "# Reading with agents",
      "",
      "Start from [the catalog](/docs/elements.html) or the [Tidewater CRM setup](/docs/elements/tidewater-crm/setup.html).",
      "",
      "```md",
      "[a link in an example](/docs/elements.html)",
      "```",
      "",
      '{% include note.html content="Included into the page before it became Markdown." %}',
      "",
    ].join("\n"),
  });
  out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-agents-")), "site");
  const result = await runCli("build.ts", ["--source", tree, "--out", out, "--base", BASE]);
  if (result.code !== 0) throw new Error(`The site did not build:\n${result.stdout}\n${result.stderr}`);
  llms = parseLlmsTxt(read("llms.txt"));
});

describe("Markdown twins", () => {
  it("sit beside every page of the tree (authenticate.md next to authenticate.html), and no other Markdown is written", () => {
    const pages = treePages();
    expect(pages).toContain("docs/elements/tidewater-crm/authenticate.md");
    for (const rel of pages) {
      expect(fs.existsSync(path.join(out, rel.replace(/\.md$/, ".html"))), rel).toBe(true);
      expect(fs.existsSync(path.join(out, rel)), rel).toBe(true);
    }
    expect(siteFiles(out).filter((rel) => rel.endsWith(".md"))).toEqual([...pages].sort());
  });

  it("hold the page's words: what an agent reads is what a reader reads", () => {
    let compared = 0;
    for (const rel of treePages()) {
      const html = new HtmlPage(read(rel.replace(/\.md$/, ".html")));
      if (!html.all("article.doc__content").length) continue;
      expect(markdownWords(read(rel)), rel).toEqual(pageWords(html, "article.doc__content"));
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(8);
  });

  it("keep of the front matter only the title and description, as written", () => {
    for (const rel of treePages()) {
      const source = frontMatter(fs.readFileSync(path.join(tree, rel), "utf8")).data;
      const twin = frontMatter(read(rel)).data;
      expect(twin, rel).toEqual({ title: source.title, description: source.description });
    }
  });

  it("have includes and Liquid applied", () => {
    const setup = read("docs/elements/tidewater-crm/setup.md");
    expect(setup).toContain("Keep the **Account Login** and **Account Passphrase** of a Tidewater CRM user");
    expect(setup).not.toContain("{{");
    const notes = read("docs/reading-with-agents.md");
    expect(notes).toContain("Included into the page before it became Markdown.");
    expect(notes).not.toMatch(/\{%|\{\{/);
  });

  it("link under the base path where the page does, and leave code as written", () => {
    const notes = read("docs/reading-with-agents.md");
    expect(notes).toContain("Start from [the catalog](/guides/docs/elements.html) or the [Tidewater CRM setup](/guides/docs/elements/tidewater-crm/setup.html).");
    expect(notes).toContain("```md\n[a link in an example](/docs/elements.html)\n```");
    const links = new HtmlPage(read("docs/reading-with-agents.html")).all("article a[href]").map((a) => a.attribs.href);
    expect(links).toEqual(expect.arrayContaining(["/guides/docs/elements.html", "/guides/docs/elements/tidewater-crm/setup.html"]));
  });

  it("are offered on each guide page: a link that works without JavaScript, and the copy button, under the base path", () => {
    const page = new HtmlPage(read("docs/elements/tidewater-crm/authenticate.html"));
    expect(page.one(".page-actions__view").attribs.href).toBe("/guides/docs/elements/tidewater-crm/authenticate.md");
    expect(page.one("button.page-actions__copy").attribs["data-markdown"]).toBe("/guides/docs/elements/tidewater-crm/authenticate.md");
    expect(page.one(".page-actions__status").attribs.role).toBe("status");
  });
});

describe("llms.txt", () => {
  it("opens with the site's title as H1 and its description as the blockquote", () => {
    expect(llms.title).toBe("Tidewater Connector Guides");
    expect(llms.summary).toBe(DESCRIPTION);
    expect(llms.info).toContain(`[llms-full.txt](${SITE}llms-full.txt)`);
  });

  it("has a section per hub, each element with its pages nested in sidebar order, then the other pages", () => {
    expect(llms.sections.map((s) => s.name)).toEqual(["CRM", "Help Desk", "Other pages"]);
    const crm = llms.sections[0].links;
    expect(crm.map((l) => [l.depth, l.title])).toEqual([
      [0, "Tidewater CRM"],
      [1, "API Provider Setup"],
      [1, "Authenticate"],
      [1, "Events"],
      [1, "Querying"],
    ]);
    expect(crm[0]).toMatchObject({ url: `${SITE}docs/elements/tidewater-crm/index.md` });
    expect(crm[1].description).toBe("What to prepare in Tidewater CRM before you connect it.");
    expect(llms.sections[2].links.map((l) => l.title)).toEqual(["Tidewater Connector Guides", "Element Guides", "Reading with agents"]);
  });

  it("links every page, each link naming a file of the site under the base path", () => {
    const urls = llms.sections.flatMap((s) => s.links.map((l) => l.url));
    for (const url of urls) {
      expect(url.startsWith(SITE), url).toBe(true);
      expect(fs.existsSync(path.join(out, url.slice(SITE.length))), url).toBe(true);
    }
    const twins = siteFiles(out).filter((rel) => rel.endsWith(".md"));
    expect(urls.filter((url) => url.endsWith(".md")).map((url) => url.slice(SITE.length)).sort()).toEqual(twins);
    // The generated home page has no text of its own, so no twin: it is listed as HTML.
    expect(urls).toContain(`${SITE}index.html`);
  });

  it("has a line of description for every page, from the front matter or else the page's first sentence", () => {
    const links = llms.sections.flatMap((s) => s.links);
    expect(links.filter((l) => l.description === "").map((l) => l.title)).toEqual([]);
    // The generated home page says what the site is.
    expect(links.find((l) => l.url === `${SITE}index.html`)?.description).toBe(DESCRIPTION);
  });
});

describe("llms-full.txt", () => {
  it("holds every twin in llms.txt's order, each with its address", () => {
    const full = read("llms-full.txt");
    expect(full.startsWith(`# Tidewater Connector Guides\n\n> ${DESCRIPTION}\n`)).toBe(true);
    const inLlms = llms.sections.flatMap((s) => s.links.map((l) => l.url)).filter((url) => url.endsWith(".md"));
    expect([...full.matchAll(/^url: (.+)$/gm)].map((m) => m[1])).toEqual(inLlms);
    for (const url of inLlms) expect(full).toContain(frontMatter(read(url.slice(SITE.length))).body);
  });
});

describe("published: false", () => {
  it("leaves the unpublished page out of the twins, llms.txt and llms-full.txt", () => {
    expect(fs.existsSync(path.join(out, "docs/elements/tidewater-crm/webhooks.md"))).toBe(false);
    const agentText = ["llms.txt", "llms-full.txt", ...siteFiles(out).filter((rel) => rel.endsWith(".md"))].map(read);
    for (const text of agentText) {
      expect(text).not.toContain(UNPUBLISHED);
      expect(text).not.toContain("webhooks");
    }
  });
});

describe("Copy as Markdown, in Chromium under the Content-Security-Policy", () => {
  let site: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    site = await serveFolder(out, { basePath: "/guides", headers: { "content-security-policy": CONTENT_SECURITY_POLICY } });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it("copies the page's twin to the clipboard and says so", async () => {
    const context = await browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    await page.goto(`${site.url}docs/elements/tidewater-crm/authenticate.html`);
    const button = page.getByRole("button", { name: "Copy as Markdown" });
    await button.click();
    await expect.poll(() => page.getByRole("status").textContent()).toBe("Copied");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(read("docs/elements/tidewater-crm/authenticate.md"));
    expect(copied).toContain("# Authenticate");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("offers the link alone when scripts do not run", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}docs/elements/tidewater-crm/authenticate.html`);
    expect(await page.getByRole("button", { name: "Copy as Markdown" }).count()).toBe(0);
    const href = await page.getByRole("link", { name: "View as Markdown" }).getAttribute("href");
    const response = await page.request.get(new URL(href!, page.url()).href);
    expect(await response.text()).toBe(read("docs/elements/tidewater-crm/authenticate.md"));
    await context.close();
  });
});
