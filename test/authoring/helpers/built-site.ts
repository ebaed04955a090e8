// Checks over a built site that the authoring tests share: what a reader of the generated guides would notice.
import fs from "node:fs";
import path from "node:path";
import type { AnyNode, Element } from "domhandler";
import { HtmlPage, textOf } from "../../support/html-page.ts";

/** Every `.html` file below `dir` of the built site, relative to the site root. */
export function htmlFiles(outDir: string, dir: string): string[] {
  return fs
    .readdirSync(path.join(outDir, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".html"))
    .map((f) => path.posix.join(dir, f.split(path.sep).join("/")))
    .sort();
}

/** The text of each highlighted ```json block of a page. */
export function jsonBlocks(page: HtmlPage): string[] {
  return page.all('.code-block[data-lang="json"] pre').map(textOf);
}

/** Problems a reader would hit on one page: JSON that does not parse, links to missing pages or ids, raw tags. */
export function pageProblems(outDir: string, rel: string): string[] {
  const page = HtmlPage.read(outDir, rel);
  const problems: string[] = [];
  jsonBlocks(page).forEach((text, index) => {
    try {
      JSON.parse(text);
    } catch (error) {
      problems.push(`${rel}: JSON block ${index + 1} does not parse: ${(error as Error).message}`);
    }
  });
  for (const link of page.all("article a[href]")) {
    const href = link.attribs.href;
    if (/^[a-z]+:/i.test(href)) continue;
    const [target, fragment] = href.split("#");
    let file = rel;
    if (target) file = target.startsWith("/") ? target.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(rel), target));
    if (file.endsWith("/")) file += "index.html";
    if (!fs.existsSync(path.join(outDir, file))) {
      problems.push(`${rel}: link ${href} points at a missing page`);
    } else if (fragment && !HtmlPage.read(outDir, file).ids().has(decodeURIComponent(fragment))) {
      problems.push(`${rel}: link ${href} points at a missing id`);
    }
  }
  for (const article of page.all("article")) {
    for (const text of textOutsideCode(article)) {
      if (/<\/?[A-Za-z]/.test(text)) problems.push(`${rel}: text that looks like HTML outside code: ${text.trim().slice(0, 80)}`);
    }
  }
  return problems;
}

function textOutsideCode(node: AnyNode): string[] {
  if (node.type === "text") return [(node as unknown as { data: string }).data];
  const element = node as Element;
  if (!("children" in element) || ["code", "pre", "script", "style"].includes(element.name)) return [];
  return element.children.flatMap(textOutsideCode);
}
