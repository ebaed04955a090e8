// The reader's parts of an in-memory build of a tiny tree: 404.html, robots.txt, the sitemap's exclusions and
// what the layouts show from the reader variables (table of contents, breadcrumbs, edit link).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, type SiteBuild } from "../../../src/build/build-site.ts";
import { writeFiles } from "../../support/fixture-tree.ts";
import { HtmlPage } from "../../support/html-page.ts";

const guide = (title: string, order: number, extra = "") =>
  `---\nheading: Acme CRM\ntitle: ${title}\nlayout: sidebarelementdoc\nhub: crm\norder: ${order}\n${extra}---\n# ${title}\n\n## First part\n\nText.\n\n### Detail\n\n## Second part\n\nMore.\n`;

let build: SiteBuild;
const output = (file: string) => build.outputs.find((o) => o.outputPath === file)?.html;
const page = (file: string) => new HtmlPage(output(file)!);

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-reader-"));
  writeFiles(dir, {
    "_config.yml": "title: Acme Docs\nurl: https://docs.example.test\nrepository: acme/docs\n",
    "_data/hubs.yml": "- key: crm\n  name: CRM\n",
    "docs/elements.md": "---\ntitle: Element Guides\nlayout: sidebarelementtile\n---\nAll of them.\n",
    "docs/elements/acme-crm/index.md": guide("Overview", 1),
    "docs/elements/acme-crm/events.md": guide("Events", 2, "redirect_from: /old-events.html\n"),
    "docs/elements/acme-crm/hidden.md": guide("Hidden", 3, "sitemap: false\n"),
    "docs/elements/acme-crm/draft.md": guide("Draft", 4, "published: false\n"),
    "docs/about.md": "---\ntitle: About\npermalink: /docs/über uns/\n---\n\nAt {{ page.url | absolute_url }} and {{ '/a b/?q=x y#top' | relative_url }}.\n",
  });
  build = await buildSite({ sourceDir: dir, workers: 0 });
  expect(build.diagnostics.items).toEqual([]);
});

describe("site files", () => {
  it("writes a 404 page that is not counted, indexed or listed as a page", () => {
    const notFound = page("404.html");
    expect(notFound.text("h1")).toBe("Page not found");
    expect(notFound.all("[data-pagefind-body]")).toEqual([]);
    expect(notFound.one('meta[name="robots"]').attribs.content).toBe("noindex");
    expect(build.rendered.map((r) => r.outputPath)).not.toContain("404.html");
  });

  it("writes robots.txt pointing at the sitemap", () => {
    expect(output("robots.txt")).toBe("User-agent: *\nAllow: /\nSitemap: https://docs.example.test/sitemap.xml\n");
  });

  it("leaves sitemap: false, unpublished, redirect and 404 pages out of the sitemap", () => {
    const sitemap = output("sitemap.xml")!;
    expect(sitemap).toContain("<loc>https://docs.example.test/docs/elements/acme-crm/events.html</loc>");
    for (const absent of ["hidden.html", "draft.html", "old-events.html", "404.html"]) expect(sitemap).not.toContain(absent);
    // Through absolute_url, as jekyll-sitemap writes it: a permalink's space and ü %-escaped.
    expect(sitemap).toContain("<loc>https://docs.example.test/docs/%C3%BCber%20uns/</loc>");
  });
});

describe("what layouts show from the reader variables", () => {
  it("lists the h2 and h3 headings under On this page", () => {
    const toc = page("docs/elements/acme-crm/events.html").all("details.toc li");
    expect(toc.map((li) => li.attribs.class)).toEqual(["toc__h2", "toc__h3", "toc__h2"]);
  });

  it("shows the breadcrumbs and marks the article for search with its title, element and hub", () => {
    const events = page("docs/elements/acme-crm/events.html");
    expect(events.texts(".breadcrumbs li")).toEqual(["Element Guides", "CRM", "Acme CRM", "Events"]);
    expect(events.one("article[data-pagefind-body]").attribs).toMatchObject({
      "data-title": "Events",
      "data-element": "Acme CRM",
      "data-hub": "CRM",
    });
  });

  it("links to the source file for editing when site.repository is set", () => {
    expect(page("docs/elements/acme-crm/events.html").one(".page-history a").attribs.href).toBe(
      "https://github.com/acme/docs/edit/main/docs/elements/acme-crm/events.md",
    );
  });

  it("escapes front matter wherever the layouts print it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-reader-"));
    const title = '<script>alert("x")</script>';
    writeFiles(dir, { "docs/elements/x/a.md": `---\nheading: ${title}\ntitle: ${title}\ndescription: ${title}\n---\n## One\n\n## Two\n` });
    const html = (await buildSite({ sourceDir: dir, workers: 0 })).outputs.find((o) => o.outputPath === "docs/elements/x/a.html")!.html;
    expect(html).not.toContain("<script>alert");
  });

  it("normalizes URLs as Jekyll's absolute_url and relative_url do, in text and the canonical link", () => {
    const about = output("docs/über uns/index.html")!;
    expect(about).toContain("At https://docs.example.test/docs/%C3%BCber%20uns/ and /a%20b/?q=x%20y#top.");
    expect(page("docs/über uns/index.html").one('link[rel="canonical"]').attribs.href).toBe("https://docs.example.test/docs/%C3%BCber%20uns/");
  });
});
