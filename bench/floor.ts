// `node bin/element-guides.mjs bench-floor TREE OUT`: the floor of our stack, on one thread. Reads every page of a
// generated tree, parses its front matter (gray-matter), renders its Liquid with includes (liquidjs), its
// Markdown (markdown-it), then a layout with the element's sidebar, and writes the file. No checks, no
// highlighting, no search index: what any generator on these libraries must at least spend. Liquid renders
// synchronously, its fastest way: the bundle's liquidjs is its ES module build, whose asynchronous render is
// three times slower than its synchronous one (downlevelled async functions).
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { Liquid } from "liquidjs";
import MarkdownIt from "markdown-it";
import { answerBeforeOptions } from "../src/cli/help.ts";

const USAGE = "Usage: node bin/element-guides.mjs bench-floor TREE OUT";
const early = answerBeforeOptions(process.argv.slice(2), {
  usage: USAGE,
  does: "The stack floor `npm run bench` measures builds against: renders the generated tree TREE into OUT with gray-matter, liquidjs and markdown-it alone.",
  options: [],
});
if (early !== undefined) process.exit(early);
const [tree, out] = process.argv.slice(2);
if (process.argv.length !== 4 || !fs.statSync(path.join(tree, "docs"), { throwIfNoEntry: false })?.isDirectory()) {
  process.stderr.write(`bench-floor takes a generated tree (with docs/) and the folder to write into.\n${USAGE}\n`);
  process.exit(2);
}
const liquid = new Liquid({ root: path.join(tree, "_includes"), jekyllInclude: true, dynamicPartials: false, cache: true });
const markdown = new MarkdownIt({ html: true });
const layout = liquid.parse(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ page.seo | default: page.title }}</title>
<meta name="description" content="{{ page.description | escape }}"></head><body><nav><a href="{{ page.breadcrumbs }}">{{ page.parent }}</a>
<h2>{{ page.heading }}</h2><ol>{% for entry in sidebar %}<li><a href="{{ entry.url }}"{% if entry.url == page.url %} aria-current="page"{% endif %}>{{ entry.title }}</a></li>{% endfor %}</ol></nav>
<main>{{ content }}</main></body></html>`);

const files = fs.readdirSync(path.join(tree, "docs"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md"));
const pages = files.map((rel) => {
  const { data, content } = matter(fs.readFileSync(path.join(tree, "docs", rel), "utf8"));
  const url = `/docs/${rel.replace(/\.md$/, ".html")}`;
  return { rel, url, dir: path.dirname(rel), data: { ...data, url } as Record<string, unknown>, content };
});
// The sidebar: every page of the same folder, in `order`, grouped once as Jekyll's generator plugin does.
const sidebars = new Map<string, { title: string; url: string; order: number }[]>();
for (const page of pages) {
  const list = sidebars.get(page.dir) ?? sidebars.set(page.dir, []).get(page.dir)!;
  list.push({ title: String(page.data.title), url: page.url, order: Number(page.data.order ?? 0) });
}
for (const list of sidebars.values()) list.sort((a, b) => a.order - b.order);

for (const page of pages) {
  const body = markdown.render(liquid.parseAndRenderSync(page.content, { page: page.data }));
  const html = liquid.renderSync(layout, { page: page.data, content: body, sidebar: sidebars.get(page.dir) });
  const file = path.join(out, "docs", page.rel.replace(/\.md$/, ".html"));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, html);
}
process.stderr.write(`floor: ${pages.length} pages\n`);
