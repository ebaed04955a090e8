// Pages in another language (issue 13, point 5): test/fixtures/languages has Acme Desk in English, some of its
// pages in Korean under ko/, a Korean page with no English original, and two folders that are not languages.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyTree } from "../../support/fixture-tree.ts";
import { HtmlPage, textOf } from "../../support/html-page.ts";
import { runCli, type CliResult } from "../../support/run-cli.ts";

const FIXTURE = path.resolve(import.meta.dirname, "../../fixtures/languages");
const ORIGIN = "https://guides.acme.test";
const EN_EVENTS = "docs/elements/acme-desk/events.html";
const KO_EVENTS = "docs/elements/acme-desk/ko/events.html";

let out: string;
let result: CliResult;
const page = (rel: string) => HtmlPage.read(out, rel);

beforeAll(async () => {
  const tree = copyTree(FIXTURE);
  out = path.join(tree, "_site");
  result = await runCli("build.ts", ["--source", tree, "--out", out]);
});

/** Every written HTML page, relative to the output folder. */
function htmlPages(): string[] {
  return fs
    .readdirSync(out, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html"))
    .map((file) => file.split(path.sep).join("/"))
    .sort();
}

/** The written page an absolute or root-relative link leads to, or undefined when there is none. */
function builtPage(href: string): string | undefined {
  const url = new URL(href, `${ORIGIN}/`);
  if (url.origin !== ORIGIN) return undefined;
  const rel = decodeURIComponent(url.pathname).replace(/^\//, "");
  return fs.existsSync(path.join(out, rel)) ? rel : undefined;
}

/** The page's alternates as `hreflang -> written page` (undefined where the link leads nowhere). */
function alternatesOf(rel: string): Record<string, string | undefined> {
  const links = page(rel).all('head link[rel="alternate"][hreflang]');
  return Object.fromEntries(links.map((link) => [link.attribs.hreflang, builtPage(link.attribs.href)]));
}

describe("a site in English and Korean", () => {
  it("builds cleanly with every check on", () => {
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("gives each page the language of its folder in <html lang>", () => {
    expect(page(KO_EVENTS).one("html").attribs.lang).toBe("ko");
    expect(page("docs/elements/acme-desk/ko/glossary.html").one("html").attribs.lang).toBe("ko");
    expect(page(EN_EVENTS).one("html").attribs.lang).toBe("en");
    expect(page("index.html").one("html").attribs.lang).toBe("en");
  });

  it("links the Korean and English versions of a page to each other, with x-default on the English one", () => {
    expect(alternatesOf(KO_EVENTS)).toEqual({ en: EN_EVENTS, ko: KO_EVENTS, "x-default": EN_EVENTS });
    expect(alternatesOf(EN_EVENTS)).toEqual({ en: EN_EVENTS, ko: KO_EVENTS, "x-default": EN_EVENTS });
    expect(alternatesOf("docs/elements/acme-desk/index.html")).toEqual({
      en: "docs/elements/acme-desk/index.html",
      ko: "docs/elements/acme-desk/ko/index.html",
      "x-default": "docs/elements/acme-desk/index.html",
    });
  });

  it("gives every alternate of every page a written page that names the first page back", () => {
    let followed = 0;
    for (const rel of htmlPages()) {
      for (const [lang, target] of Object.entries(alternatesOf(rel))) {
        expect(target, `${rel}: hreflang ${lang}`).toBeDefined();
        expect(Object.values(alternatesOf(target!)), `${target} lists ${rel}`).toContain(rel);
        followed++;
      }
    }
    // Two pages in two languages, three links on each of the four.
    expect(followed).toBe(12);
  });

  it("gives a page in one language no alternates and no switch", () => {
    for (const rel of ["docs/elements/acme-desk/bulk.html", "docs/elements/acme-desk/ko/glossary.html", "index.html"]) {
      expect(alternatesOf(rel), rel).toEqual({});
      expect(page(rel).all(".language-switch"), rel).toEqual([]);
    }
  });

  it("offers a language switch of plain links, named in their own language, the current one marked", () => {
    for (const [rel, current] of [[KO_EVENTS, "한국어"], [EN_EVENTS, "English"]]) {
      const nav = page(rel).one("nav.language-switch");
      expect(nav.attribs["aria-label"]).toBe(rel === KO_EVENTS ? "언어" : "Language");
      const links = page(rel).all("nav.language-switch a");
      expect(links.map((a) => page(rel).text(`nav.language-switch a[lang="${a.attribs.lang}"] .language-switch__name`))).toEqual(["English", "한국어"]);
      expect(links.map((a) => builtPage(a.attribs.href))).toEqual([EN_EVENTS, KO_EVENTS]);
      expect(links.map((a) => [a.attribs.lang, a.attribs.hreflang])).toEqual([["en", "en"], ["ko", "ko"]]);
      expect(page(rel).text('nav.language-switch a[aria-current="page"] .language-switch__name')).toBe(current);
    }
  });

  it("labels a Korean page with the words of _data/i18n/ko.yml, and in English where it gives none", () => {
    const ko = page(KO_EVENTS);
    expect(ko.text(".toc summary")).toBe("이 페이지의 내용");
    expect(ko.text(".pager__link--previous .pager__label")).toBe("이전");
    expect(ko.text(".search-open__label")).toBe("검색");
    expect(ko.one("nav.guide__nav").attribs["aria-label"]).toBe("Acme Desk 페이지");
    expect(ko.texts("nav.breadcrumbs li")[0]).toBe("요소 가이드");
    // Left out of ko.yml: English.
    expect(ko.text(".pager__link--next .pager__label")).toBe("Next");
    expect(ko.text(".page-history a")).toBe("Edit this page");
    // The search dialog gets its words as JSON, only the ones the file gives.
    expect(JSON.parse(ko.one(".search-open").attribs["data-labels"])).toEqual({ title: "가이드 검색" });
    // English pages keep the English words and carry no labels for the scripts.
    const en = page(EN_EVENTS);
    expect(en.text(".toc summary")).toBe("On this page");
    expect(en.text(".pager__link--previous .pager__label")).toBe("Previous");
    expect(en.one(".search-open").attribs["data-labels"]).toBeUndefined();
    expect(en.one("body").attribs["data-copy"]).toBeUndefined();
  });

  it("shows a Korean page the element's sidebar in Korean, the pages not translated yet in English and marked so", () => {
    const ko = page(KO_EVENTS);
    const links = ko.all("nav.guide__nav a");
    expect(links.map(textOf)).toEqual(["개요", "이벤트", "Bulk", "용어집"]);
    expect(links.map((a) => builtPage(a.attribs.href))).toEqual([
      "docs/elements/acme-desk/ko/index.html",
      KO_EVENTS,
      "docs/elements/acme-desk/bulk.html",
      "docs/elements/acme-desk/ko/glossary.html",
    ]);
    expect(links.map((a) => a.attribs.lang ?? null)).toEqual([null, null, "en", null]);
    expect(ko.one('nav.guide__nav a[aria-current="page"]').attribs.href).toBe(`/${KO_EVENTS}`);
    // The element's name leads to its Korean overview; the pager goes on to the English Bulk page.
    expect(ko.one(".guide__element a").attribs.href).toBe("/docs/elements/acme-desk/ko/index.html");
    expect(ko.one(".pager__link--next").attribs).toMatchObject({ href: "/docs/elements/acme-desk/bulk.html", hreflang: "en" });
  });

  it("keeps the English sidebar, the catalog and elements.json in English", () => {
    expect(page(EN_EVENTS).texts("nav.guide__nav a")).toEqual(["Overview", "Events", "Bulk"]);
    const json = JSON.parse(fs.readFileSync(path.join(out, "elements.json"), "utf8")) as { elements: Array<{ pages: Array<{ url: string }> }> };
    expect(json.elements[0].pages.map((p) => p.url)).toEqual([
      "/docs/elements/acme-desk/index.html",
      "/docs/elements/acme-desk/events.html",
      "/docs/elements/acme-desk/bulk.html",
    ]);
  });

  it("treats a folder that is not one of the site's languages as an ordinary folder, as before", () => {
    for (const rel of ["docs/elements/acme-desk/ja/index.html", "docs/elements/acme-desk/drafts/roadmap.html"]) {
      expect(page(rel).one("html").attribs.lang, rel).toBe("en");
      expect(page(rel).all("nav.guide__nav"), rel).toEqual([]);
      expect(alternatesOf(rel), rel).toEqual({});
    }
  });

  it("indexes the Korean pages for search in a Korean index of their own", () => {
    const entry = JSON.parse(fs.readFileSync(path.join(out, "pagefind/pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.languages.ko.page_count).toBe(3);
    expect(entry.languages.en.page_count).toBeGreaterThanOrEqual(5);
  });

  it("lists the Korean pages in the sitemap, each page with its versions in every language", () => {
    const sitemap = fs.readFileSync(path.join(out, "sitemap.xml"), "utf8");
    const entry = (rel: string) => sitemap.split("\n").find((line) => line.includes(`<loc>${ORIGIN}/${rel}</loc>`)) ?? "";
    const versions = (rel: string) => [...entry(rel).matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map(([, lang, href]) => [lang, builtPage(href)]);
    const both = [["en", EN_EVENTS], ["ko", KO_EVENTS], ["x-default", EN_EVENTS]];
    expect(versions(KO_EVENTS)).toEqual(both);
    expect(versions(EN_EVENTS)).toEqual(both);
    expect(entry("docs/elements/acme-desk/ko/glossary.html")).toBe(`  <url><loc>${ORIGIN}/docs/elements/acme-desk/ko/glossary.html</loc></url>`);
    expect(sitemap).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
  });
});
