// Jekyll's collections besides posts: the documents of `_<label>/`, listed as site.<label> and, with output: true,
// written as pages at the collection's URLs.
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { SiteBuild } from "../../../src/build/build-site.ts";
import { writeFiles } from "../../support/fixture-tree.ts";
import { PreviewHarness } from "../../support/preview-session.ts";
import { builtInMemory } from "../../support/built-tree.ts";

const built = builtInMemory;

const CONFIG = [
  "title: T",
  "collections:",
  "  tutorials:",
  "    output: true",
  "  recipes:",
  "    output: true",
  "    permalink: /cook/:name/",
  "  authors:",
  "    output: false",
  "defaults:",
  "  - scope:",
  '      path: ""',
  "      type: tutorials",
  "    values:",
  "      level: beginner",
  "",
].join("\n");

const TREE = {
  "_config.yml": CONFIG,
  "_tutorials/intro/setup.md": "---\ntitle: Setup\n---\n\nSetting up, level {{ page.level }}, in {{ page.collection }}.\n",
  "_tutorials/first.md": "---\ntitle: First steps\npermalink: /learn/first/\n---\n\nFirst. Then [set up](intro/setup.md).\n",
  "_tutorials/notes.txt": "No front matter: no document.\n",
  "_recipes/Soup Of Day.md": "---\ntitle: Soup\n---\n\nStir.\n",
  "_authors/ana.md": "---\nname: Ana\n---\n\nAna writes *guides*.\n",
  "index.md":
    "---\ntitle: Home\n---\n\n{% for t in site.tutorials %}[{{ t.title }} at {{ t.url }}]{% endfor %}\n\n" +
    "{% for a in site.authors %}{{ a.name }} says {{ a.content | strip_html | strip }}{% endfor %}\n\n" +
    '{{ site.collections | map: "label" | join: "," }} / {{ site.documents | size }} / {{ site.pages | size }}\n',
};
const fileOf = (build: SiteBuild, outputPath: string) => build.outputs.find((output) => output.outputPath === outputPath)?.html;

describe("a collection of _config.yml", () => {
  it("lists its documents as site.<label>, in site.collections and site.documents, and writes those of output: true", async () => {
    const build = await built(TREE);
    expect(build.diagnostics.items.filter((d) => d.severity === "error")).toEqual([]);
    const home = fileOf(build, "index.html")!;
    expect(home).toContain("[First steps at /learn/first/][Setup at /tutorials/intro/setup.html]");
    expect(home).toContain("Ana says Ana writes guides.");
    expect(home).toContain("authors,posts,recipes,tutorials / 4 / 1");
    expect(fileOf(build, "tutorials/intro/setup.html")).toContain("Setting up, level beginner, in tutorials.");
    // A link to a document's source file goes to its page, as to a page's.
    expect(fileOf(build, "learn/first/index.html")).toContain('First. Then <a href="/tutorials/intro/setup.html">set up</a>.');
    expect(fileOf(build, "cook/soup-of-day/index.html")).toContain("Stir.");
    // output: false: listed, never written; a file without front matter is no document.
    const written = build.outputs.map((output) => output.outputPath);
    expect(written.filter((file) => file.includes("ana") || file.includes("authors") || file.includes("notes"))).toEqual([]);
  }, 60_000);

  it("reads documents as Jekyll does: no _ folder inside, a title from the file name, a dated name's date left out of :title", async () => {
    const build = await built({
      "_config.yml": 'title: T\ncollections:\n  notes:\n    output: "yes"\n    permalink: /n/:title/\n',
      "_notes/2020-01-01-hello-world.md": "---\nlayout: page\n---\n\nI am {{ page.title }} ({{ page.slug }}).\n",
      "_notes/_posts/2020-01-01-hidden.md": "---\ntitle: Hidden\n---\n\nNot read.\n",
    });
    expect(build.diagnostics.items.filter((d) => d.severity === "error")).toEqual([]);
    expect(fileOf(build, "n/hello-world/index.html")).toContain("I am Hello World (hello-world).");
    expect(build.outputs.map((output) => output.outputPath).filter((file) => file.includes("hidden"))).toEqual([]);
  }, 60_000);

  it("lists documents by date, sort_by: or order: as Jekyll does, and writes none dated after the build", async () => {
    const build = await built({
      "_config.yml": "title: T\ncollections:\n  a:\n    output: true\n  b:\n    output: true\n    sort_by: rank\n  c:\n    output: true\n    order:\n      - z.md\n      - y.md\n",
      "_a/one.md": "---\ntitle: One\ndate: 2020-05-01\n---\n",
      "_a/two.md": "---\ntitle: Two\ndate: 2020-01-01\n---\n",
      "_a/later.md": "---\ntitle: Later\ndate: 2999-01-01\n---\n",
      "_b/alpha.md": "---\ntitle: Alpha\nrank: 2\n---\n",
      "_b/zeta.md": "---\ntitle: Zeta\nrank: 1\n---\n",
      "_c/y.md": "---\ntitle: Y\n---\n",
      "_c/z.md": "---\ntitle: Z\n---\n",
      "index.md": "---\ntitle: Home\n---\n\n{{ site.a | map: 'title' | join: ' ' }}; {{ site.b | map: 'title' | join: ' ' }}; {{ site.c | map: 'title' | join: ' ' }};\n",
    });
    expect(fileOf(build, "index.html")).toContain("Two One Later; Zeta Alpha; Z Y;");
    expect(fileOf(build, "a/later.html")).toBeUndefined();
    expect(fileOf(build, "a/one.html")).toBeDefined();
  }, 60_000);

  it("reports a Liquid error in a document that is not written, at its line", async () => {
    const build = await built({ ...TREE, "_authors/ana.md": "---\nname: Ana\n---\n\nline one\n\n{% if x %}unclosed\n" });
    expect(build.diagnostics.items.filter((d) => d.severity === "error").map((d) => `${d.file}:${d.line}`)).toEqual(["_authors/ana.md:7"]);
  }, 60_000);

  it("named as a value of the site (title, url) leaves that value the site's, with a warning, and data is no collection", async () => {
    const build = await built({
      "_config.yml": "title: T\nurl: https://docs.example.test\nplugins:\n  - jekyll-feed\ncollections:\n  title:\n    output: true\n  url:\n    output: true\n  data:\n    output: true\n",
      "_title/a.md": "---\ntitle: A\n---\n\nA.\n",
      "_url/b.md": "---\ntitle: B\n---\n\nB.\n",
      "_data/d.md": "---\ntitle: D\n---\n\nD.\n",
      "index.md": "---\ntitle: Home\n---\n\n{{ site.title }} at {{ site.url }}; {{ site.collections | map: 'label' | join: ',' }}.\n",
    });
    expect(build.diagnostics.items.filter((d) => d.severity === "error")).toEqual([]);
    expect(build.diagnostics.items.filter((d) => d.code === "config-ignored").map((d) => d.message)).toEqual([
      expect.stringMatching(/^collections: title names a value of the site/),
      expect.stringMatching(/^collections: url names a value of the site/),
    ]);
    expect(fileOf(build, "index.html")).toContain("T at https://docs.example.test; posts,title,url.");
    expect(fileOf(build, "title/a.html")).toContain("A.");
    expect(fileOf(build, "data/d.html")).toBeUndefined();
  }, 60_000);

  it("gives its documents folder URLs on a site whose permalink ends with /", async () => {
    const build = await built({ ...TREE, "_config.yml": `${CONFIG}permalink: pretty\n` });
    expect(fileOf(build, "tutorials/intro/setup/index.html")).toContain("Setting up");
    expect(fileOf(build, "index.html")).toContain("[Setup at /tutorials/intro/setup/]");
  }, 60_000);

  it("shows a saved document in the live preview, on its own page and where a page lists it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-collections-preview-"));
    writeFiles(dir, TREE);
    const preview = await PreviewHarness.open(dir);
    try {
      expect(await preview.page("index.html")).toContain("Ana says Ana writes guides.");
      await preview.save("_authors/ana.md", "---\nname: Ana\n---\n\nAna edits *guides*.\n");
      expect(await preview.page("index.html")).toContain("Ana says Ana edits guides.");
      await preview.save("_tutorials/intro/setup.md", "---\ntitle: Setup\n---\n\nSet up again.\n");
      expect(await preview.page("tutorials/intro/setup.html")).toContain("Set up again.");
    } finally {
      preview.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
