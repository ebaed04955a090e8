import fs from "node:fs";
import path from "node:path";
import { HtmlPage } from "../../support/html-page.ts";

/** Every file of a built site, relative and with forward slashes, sorted. */
export function siteFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

export const htmlFiles = (dir: string): string[] => siteFiles(dir).filter((rel) => rel.endsWith(".html"));

/**
 * Files that are source, not site: Markdown, TypeScript, templates, data, config (issue 6, "Output hygiene"). A
 * page's Markdown twin is site (issue 15): beside its page's HTML, with front matter of a title and description only.
 * So is an element's OpenAPI document: copied as Jekyll copies any file, for tools that read the API themselves.
 */
export function sourceFilesIn(dir: string): string[] {
  return siteFiles(dir).filter(
    (rel) =>
      (/\.(md|[cm]?ts|tsx|liquid|yml|yaml)$/.test(rel) && !isMarkdownTwin(dir, rel) && !ELEMENT_API_DOCUMENT.test(rel)) ||
      /(^|\/)(_data|_includes|_layouts)\//.test(rel) ||
      /^_config\./.test(rel),
  );
}

const ELEMENT_API_DOCUMENT = /^docs\/elements\/[^/]+\/(openapi|swagger)\.(yaml|yml|json)$/;

export function isMarkdownTwin(dir: string, rel: string): boolean {
  if (!rel.endsWith(".md") || !fs.existsSync(path.join(dir, rel.replace(/\.md$/, ".html")))) return false;
  const front = /^---\n([\s\S]*?)\n---\n/.exec(fs.readFileSync(path.join(dir, rel), "utf8"));
  // A page with neither a title nor a description has a twin without front matter.
  return front === null || front[1].split("\n").every((line) => /^(title|description): /.test(line));
}

const URL_ATTRIBUTES = ["href", "src", "action", "data-search-ui", "data-search-css", "data-bundle", "data-base"];

/** Every URL an HTML file points at: links, scripts, styles, icons, the search UI's bundles, meta refresh. */
export function urlsIn(html: HtmlPage): string[] {
  const urls: string[] = [];
  for (const el of html.all(URL_ATTRIBUTES.map((name) => `[${name}]`).join(", "))) {
    for (const name of URL_ATTRIBUTES) if (el.attribs[name] !== undefined) urls.push(el.attribs[name]);
  }
  for (const meta of html.all('meta[http-equiv="refresh"]')) {
    const match = /url=(.*)$/i.exec(meta.attribs.content);
    if (match) urls.push(match[1]);
  }
  return urls;
}

/**
 * Checks every site-absolute URL in every HTML file: it must start with `base` and name a written file (or the
 * search bundle's folder). Fragments, relative URLs and other origins pass. Returns the problems and the count
 * of URLs checked.
 */
export function checkInternalUrls(out: string, base: string): { problems: string[]; checked: number } {
  const problems: string[] = [];
  let checked = 0;
  for (const rel of htmlFiles(out)) {
    for (const url of urlsIn(HtmlPage.read(out, rel))) {
      if (url.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(url)) continue; // fragment, or http:, mailto:…
      if (url.startsWith("//")) {
        problems.push(`${rel}: protocol-relative ${url}`);
        continue;
      }
      if (!url.startsWith("/")) continue; // relative to the page: follows it wherever it is served
      checked++;
      if (!url.startsWith(base)) {
        problems.push(`${rel}: ${url} is outside ${base}`);
        continue;
      }
      if (url === `${base}pagefind/`) continue; // the search bundle's folder (data-bundle)
      const target = decodeURIComponent(url.slice(base.length).replace(/[?#].*$/, ""));
      const file = target === "" || target.endsWith("/") ? path.join(out, target, "index.html") : path.join(out, target);
      if (!fs.existsSync(file)) problems.push(`${rel}: ${url} names no written file`);
    }
  }
  return { problems, checked };
}
