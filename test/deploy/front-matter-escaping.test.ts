// Front matter is text: a title, seo, description, heading or parent holding markup and quotes shows as those
// characters wherever the layouts print it (issue 6, "Safety"), and no <script> from front matter reaches the output.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { elementsJsonSchema } from "../../src/schema/elements-json.ts";
import { jekyllCompatTree, writeFiles } from "../support/fixture-tree.ts";
import { HtmlPage, textOf } from "../support/html-page.ts";
import { runCli, type CliResult } from "../support/run-cli.ts";

const SCRIPT = "<script>alert(1)</script>";
const HEADING = `Evil ${SCRIPT} "Co" & 'Sons'`;
const SEO = `${SCRIPT} "seo" | Evil`;
const TITLE = `${SCRIPT} "Overview"`;
const DESCRIPTION = `${SCRIPT} "desc" <img src=x onerror=alert(2)>`;
const PARENT = `${SCRIPT} Back`;
const SECOND_TITLE = `Second ${SCRIPT} 'page'`;

/** YAML double-quoted scalar. */
const yaml = (value: string) => JSON.stringify(value);

function evilPage(fields: { title: string; order: number; body: string }): string {
  return [
    "---",
    `heading: ${yaml(HEADING)}`,
    `seo: ${yaml(fields.order === 1 ? SEO : `${SECOND_TITLE} | Evil`)}`,
    `title: ${yaml(fields.title)}`,
    `description: ${yaml(DESCRIPTION)}`,
    "layout: sidebarelementdoc",
    "breadcrumbs: /docs/elements.html",
    `parent: ${yaml(PARENT)}`,
    "elementId: 9100",
    "elementKey: evilco",
    "hub: crm",
    `order: ${fields.order}`,
    "---",
    "",
    fields.body,
    "",
  ].join("\n");
}

let out: string;
let result: CliResult;
const INDEX = "docs/elements/evil/index.html";
const SECOND = "docs/elements/evil/second.html";
const page = (rel: string) => HtmlPage.read(out, rel);

beforeAll(async () => {
  const tree = jekyllCompatTree();
  writeFiles(tree, {
    "docs/elements/evil/index.md": evilPage({
      title: TITLE,
      order: 1,
      body: "Evil Co's overview.\n\n## First section\n\nText.\n\n## Second section\n\nMore text.",
    }),
    "docs/elements/evil/second.md": evilPage({ title: SECOND_TITLE, order: 2, body: "The second page." }),
  });
  out = path.join(tree, "_site");
  result = await runCli("build.ts", ["--source", tree, "--out", out]);
});

describe("front matter holding markup and quotes", () => {
  it("builds", () => {
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("is the <title>, the meta description and the Open Graph tags, character for character", () => {
    const index = page(INDEX);
    expect(index.text("title")).toBe(SEO);
    expect(index.one('meta[name="description"]').attribs.content).toBe(DESCRIPTION);
    expect(index.one('meta[property="og:title"]').attribs.content).toBe(SEO);
    expect(index.one('meta[property="og:description"]').attribs.content).toBe(DESCRIPTION);
    // Only the site's own scripts: none was made from front matter.
    for (const script of index.all("script")) expect(script.attribs.src).toMatch(/^\/assets\/js\/[a-z-]+\.js\?v=/);
    expect(index.all("img")).toEqual([]);
  });

  it("is the sidebar's element name, page labels, back link and the pager, as text", () => {
    const second = page(SECOND);
    expect(second.text(".guide__element a")).toBe(HEADING);
    expect(second.texts("nav.guide__nav a")).toEqual([TITLE, SECOND_TITLE]);
    expect(second.text(".back-link a")).toBe(PARENT);
    expect(textOf(second.one(".pager__link--previous"))).toBe(`Previous ${TITLE}`);
    expect(second.one("article").attribs["data-title"]).toBe(SECOND_TITLE);
    expect(second.one("article").attribs["data-element"]).toBe(HEADING);
    expect(second.one(".guide__menu").children.length).toBe(1);
    expect(second.text(".guide__menu")).toBe(`${HEADING} pages`);
  });

  it("is the breadcrumbs' element and page, as text", () => {
    const crumbs = page(SECOND).texts('nav[aria-label="Breadcrumbs"] li');
    expect(crumbs.slice(-2)).toEqual([HEADING, SECOND_TITLE]);
  });

  it("is the catalog card's name, as text", () => {
    const catalog = page("docs/elements.html");
    expect(catalog.texts(".card__title a")).toContain(HEADING);
    expect(catalog.all(".card").some((card) => card.attribs["data-terms"]?.startsWith(`${HEADING} evilco`))).toBe(true);
  });

  it("is the element's name and page titles in elements.json, unchanged", () => {
    const json = elementsJsonSchema.parse(JSON.parse(fs.readFileSync(path.join(out, "elements.json"), "utf8")));
    const evil = json.elements.find((element) => element.key === "evilco");
    expect(evil?.name).toBe(HEADING);
    expect(evil?.pages.map((p) => p.title)).toEqual([TITLE, SECOND_TITLE]);
  });

  it("never reaches any written HTML file as markup", () => {
    const htmlFiles = fs.readdirSync(out, { recursive: true }).map(String).filter((rel) => rel.endsWith(".html"));
    expect(htmlFiles.length).toBeGreaterThan(5);
    for (const rel of htmlFiles) {
      const html = fs.readFileSync(path.join(out, rel), "utf8");
      expect(html, rel).not.toContain(SCRIPT);
      expect(html, rel).not.toContain("<img src=x");
      expect(html, rel).not.toMatch(/<script(?![^>]*\ssrc="\/assets\/js\/)/);
    }
  });
});
