// jekyll-feed, as a legacy portal lists it in plugins: an Atom feed of the newest posts, and {% feed_meta %} in a head.
import { describe, expect, it } from "vitest";
import type { SiteBuild } from "../../../src/build/build-site.ts";
import { builtInMemory } from "../../support/built-tree.ts";

const built = builtInMemory;

const CONFIG = "title: Tide & Co\ndescription: Release notes.\nurl: https://docs.example.test\ntimezone: UTC\nplugins:\n  - jekyll-feed\n";
const posts = Object.fromEntries(
  Array.from({ length: 12 }, (_, i) => {
    const day = String(i + 1).padStart(2, "0");
    return [`_posts/2024-03-${day}-release-${i + 1}.md`, `---\ntitle: Release ${i + 1}\n---\n\nRelease ${i + 1} fixes <b>A & B</b>.\n`];
  }),
);
const fileOf = (build: SiteBuild, outputPath: string) => build.outputs.find((output) => output.outputPath === outputPath)?.html;

describe("a site whose plugins list jekyll-feed", () => {
  it("gets feed.xml with its ten newest posts, their content escaped, and {% feed_meta %} links to it", async () => {
    const build = await built({ "_config.yml": CONFIG, ...posts, "index.md": "---\ntitle: Home\n---\n\n{% feed_meta %}\n" });
    expect(build.diagnostics.items.filter((d) => d.severity === "error")).toEqual([]);
    const feed = fileOf(build, "feed.xml")!;
    expect(feed).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(feed).toContain('<link href="https://docs.example.test/feed.xml" rel="self" type="application/atom+xml" />');
    expect(feed).toContain('<title type="html">Tide &amp; Co</title>');
    expect(feed).toContain("<updated>2024-03-12T00:00:00+00:00</updated>");
    const titles = [...feed.matchAll(/<entry>\n<title type="html">([^<]*)</g)].map((match) => match[1]);
    expect(titles).toEqual(["Release 12", "Release 11", "Release 10", "Release 9", "Release 8", "Release 7", "Release 6", "Release 5", "Release 4", "Release 3"]);
    expect(feed).toContain("<id>https://docs.example.test/2024/03/12/release-12</id>");
    expect(feed).toContain("Release 12 fixes &lt;b&gt;A &amp;amp; B&lt;/b&gt;.");
    expect(feed).toContain('<summary type="html">Release 12 fixes A &amp;amp; B.</summary>');
    expect(fileOf(build, "index.html")).toContain('<link type="application/atom+xml" rel="alternate" href="https://docs.example.test/feed.xml" title="Tide &amp; Co" />');
  }, 60_000);

  it("keeps a feed: path: inside the site, as Jekyll keeps a page's path", async () => {
    const build = await built({ "_config.yml": `${CONFIG}feed:\n  path: ../../news/../atom.xml\n`, ...posts });
    expect(fileOf(build, "news/atom.xml")).toContain("<feed");
    expect(build.outputs.every((output) => !output.outputPath.includes(".."))).toBe(true);
  }, 60_000);

  it("keeps the tree's own feed.xml, as jekyll-feed does", async () => {
    const build = await built({ "_config.yml": CONFIG, ...posts, "feed.xml": "---\nlayout: null\n---\n<feed>own</feed>\n" });
    expect(build.diagnostics.items.filter((d) => d.severity === "error")).toEqual([]);
    expect(fileOf(build, "feed.xml")).toBe("<feed>own</feed>\n");
  }, 60_000);
});

describe("a site without jekyll-feed", () => {
  it("gets no feed, and {% feed_meta %} writes nothing rather than failing the page", async () => {
    const build = await built({ "_config.yml": "title: T\n", ...posts, "index.md": "---\ntitle: Home\n---\n\nBefore{% feed_meta %}after.\n" });
    expect(build.diagnostics.items.filter((d) => d.severity === "error")).toEqual([]);
    expect(fileOf(build, "feed.xml")).toBeUndefined();
    expect(fileOf(build, "index.html")).toContain("Beforeafter.");
  }, 60_000);
});
