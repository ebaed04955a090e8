// Where pages, posts, paginated pages and redirects are written, as Jekyll 4.3, jekyll-paginate and
// jekyll-redirect-from write them.
import { describe, expect, it } from "vitest";
import { contentSettings } from "../../../src/content/jekyll-settings.ts";
import { pageLocation } from "../../../src/content/page-location.ts";
import { paginate, pagePath } from "../../../src/content/pagination.ts";
import { excerptSource, postLocation } from "../../../src/content/posts.ts";
import type { SourcePage } from "../../../src/content/source-page.ts";
import { outputPathFor, redirectOutputPath } from "../../../src/content/urls.ts";

const settings = (config: Record<string, unknown> = {}) => contentSettings(config).settings;
const where = (file: string, data: Record<string, unknown> = {}, config: Record<string, unknown> = {}) => {
  const { url, outputPath } = pageLocation(file, data, settings(config));
  return { url, outputPath };
};

describe("redirect_from paths, as jekyll-redirect-from writes them", () => {
  it("writes an extensionless path as .html, a folder path as index.html, an .html path as itself", () => {
    expect(redirectOutputPath("/old/home")).toBe("old/home.html");
    expect(redirectOutputPath("old/home")).toBe("old/home.html");
    expect(redirectOutputPath("/old/home/")).toBe("old/home/index.html");
    expect(redirectOutputPath("/old/x.html")).toBe("old/x.html");
    expect(redirectOutputPath("/")).toBe("index.html");
  });

  it("adds .html to any other extension, decodes %-escapes and drops ..", () => {
    expect(redirectOutputPath("/old/x.htm")).toBe("old/x.htm.html");
    expect(redirectOutputPath("/old/my%20page")).toBe("old/my page.html");
    expect(redirectOutputPath("/../old//x")).toBe("old/x.html");
  });
});

describe("page locations", () => {
  it("writes a page at its source path, Markdown under any markdown_ext extension as .html", () => {
    expect(where("search/index.md")).toEqual({ url: "/search/index.html", outputPath: "search/index.html" });
    expect(where("about.markdown")).toEqual({ url: "/about.html", outputPath: "about.html" });
    expect(where("docs/sitemap.html")).toEqual({ url: "/docs/sitemap.html", outputPath: "docs/sitemap.html" });
    expect(where("notes.txt", {}, { markdown_ext: "txt" })).toEqual({ url: "/notes.html", outputPath: "notes.html" });
    expect(outputPathFor("a/b.MKD")).toBe("a/b.html");
  });

  it("honours permalink:, with :path, :basename and :output_ext, and adds .html to a URL without it", () => {
    expect(where("404.html", { permalink: "/404.html" })).toEqual({ url: "/404.html", outputPath: "404.html" });
    expect(where("docs/about.md", { permalink: "/about/" })).toEqual({ url: "/about/", outputPath: "about/index.html" });
    expect(where("docs/about.md", { permalink: "/about" })).toEqual({ url: "/about", outputPath: "about.html" });
    expect(where("docs/a/b.md", { permalink: "/x/:path/:basename:output_ext" })).toEqual({ url: "/x/docs/a/b.html", outputPath: "x/docs/a/b.html" });
  });

  it("gives pages folder URLs when the site's permalink ends with a slash, except index pages", () => {
    expect(where("docs/a.md", {}, { permalink: "pretty" })).toEqual({ url: "/docs/a/", outputPath: "docs/a/index.html" });
    expect(where("docs/index.md", {}, { permalink: "pretty" })).toEqual({ url: "/docs/index.html", outputPath: "docs/index.html" });
  });
});

describe("post locations", () => {
  const post = (file: string, data: Record<string, unknown> = {}, config: Record<string, unknown> = {}) => {
    const location = postLocation(file, data, true, settings(config));
    if (!("url" in location)) throw new Error(location.message);
    return location;
  };

  it("uses Jekyll's default permalink /:categories/:year/:month/:day/:title.html", () => {
    expect(post("_posts/2016-01-12-release-1.md").outputPath).toBe("2016/01/12/release-1.html");
    expect(post("news/_posts/2016-1-2-Big-News.md").url).toBe("/news/2016/01/02/Big-News.html");
    expect(post("_posts/2016-01-12-x.md", { categories: "Release Notes" }).url).toBe("/release/notes/2016/01/12/x.html");
  });

  it("derives date, slug, title and categories as Jekyll does, front matter winning", () => {
    const { derived } = post("blog/_posts/2016-01-12-release-one.md", { category: "ops" });
    expect(derived).toMatchObject({ slug: "release-one", title: "Release One", categories: ["blog", "ops"], id: "/blog/ops/2016/01/12/release-one" });
    expect((derived.date as Date).toDateString()).toBe(new Date(2016, 0, 12).toDateString());
    const dated = post("_posts/2016-01-12-x.md", { date: "2016-03-04 10:30:00 +0000" });
    expect(dated.url).toBe("/2016/03/04/x.html");
  });

  it("honours the site's permalink style and a post's own permalink", () => {
    expect(post("_posts/2016-01-12-x.md", {}, { permalink: "pretty" }).outputPath).toBe("2016/01/12/x/index.html");
    expect(post("_posts/2016-02-01-x.md", {}, { permalink: "ordinal" }).url).toBe("/2016/032/x.html");
    expect(post("_posts/2016-01-12-x.md", {}, { permalink: "none" }).url).toBe("/x.html");
    expect(post("_posts/2016-01-12-x.md", {}, { permalink: "/notes/:year/:i_month/:slug" }).outputPath).toBe("notes/2016/1/x.html");
    expect(post("_posts/2016-01-12-x.md", { permalink: "/r/:title/" }).outputPath).toBe("r/x/index.html");
  });

  it("takes collections: posts: permalink: over the site's permalink, and a post's own over both", () => {
    const config = { permalink: "pretty", collections: { posts: { permalink: "/blog/:title/" } } };
    expect(post("_posts/2016-01-12-hello.md", {}, config).outputPath).toBe("blog/hello/index.html");
    expect(post("_posts/2016-01-12-hello.md", {}, { collections: { posts: { permalink: "ordinal" } } }).url).toBe("/2016/012/hello.html");
    expect(post("_posts/2016-01-12-hello.md", { permalink: "/r/:title.html" }, config).url).toBe("/r/hello.html");
  });

  it("reports a file in _posts without a date, and an impossible date", () => {
    expect(postLocation("_posts/notes.md", {}, true, settings())).toMatchObject({ severity: "warning", code: "post-name" });
    expect(postLocation("_posts/2016-02-30-x.md", {}, true, settings())).toMatchObject({ severity: "error", code: "post-date" });
  });

  it("cuts the excerpt at the separator, closing Liquid blocks and keeping link definitions", () => {
    expect(excerptSource("\nFirst [a][1].\n\nSecond.\n\n[1]: /x.html\n", "\n\n")).toBe("\nFirst [a][1].\n\n[1]: /x.html");
    expect(excerptSource("{% if x %}One\n\nTwo{% endif %}", "\n\n")).toBe("{% if x %}One{% endif %}");
    expect(excerptSource("All of it", "<!--more-->")).toBe("All of it");
    expect(excerptSource("Some", "")).toBe("");
  });
});

describe("jekyll-paginate", () => {
  const page = (file: string): SourcePage => ({ file, absPath: `/t/${file}`, data: {}, body: "", url: `/${file}`, outputPath: file, keyLines: {}, markdown: false });
  const posts = Array.from({ length: 35 }, (_, i) => ({ title: `Post ${35 - i}`, url: `/p${35 - i}.html` }));
  const config = { paginate: 2, paginate_path: "/docs/release-notes/page:num" };

  it("puts page n at paginate_path with :num = n", () => {
    expect(pagePath("/docs/release-notes/page:num", 2)).toBe("/docs/release-notes/page2");
    expect(pagePath("blog/p:num/", 10)).toBe("/blog/p10/");
  });

  it("paginates the index.html nearest to paginate_path's folder: 35 posts, 2 a page, make the index and 17 more", () => {
    const pages = [page("index.html"), page("docs/index.html"), page("docs/release-notes/index.html"), page("docs/release-notes/other.html")];
    const result = paginate(pages, posts, settings(config));
    if (!result || !("template" in result)) throw new Error("not paginated");
    expect(result.template.file).toBe("docs/release-notes/index.html");
    expect(result.extraPages.map((p) => p.outputPath)).toEqual(Array.from({ length: 17 }, (_, i) => `docs/release-notes/page${i + 2}/index.html`));
    expect(result.template.globals?.paginator).toMatchObject({
      page: 1,
      per_page: 2,
      total_pages: 18,
      total_posts: 35,
      previous_page: null,
      previous_page_path: null,
      next_page: 2,
      next_page_path: "/docs/release-notes/page2",
      posts: [posts[0], posts[1]],
    });
    expect(result.extraPages[0].globals?.paginator).toMatchObject({ page: 2, previous_page: 1, previous_page_path: "/docs/release-notes/" });
    expect(result.extraPages[16].globals?.paginator).toMatchObject({ page: 18, next_page: null, posts: [posts[34]] });
  });

  it("writes page n into the same folder when paginate_path ends with a slash, which its paths keep", () => {
    const result = paginate([page("blog/index.html")], posts, settings({ paginate: 2, paginate_path: "/blog/page:num/" }));
    if (!result || !("template" in result)) throw new Error("not paginated");
    expect(result.extraPages.slice(0, 2).map((p) => [p.outputPath, p.url])).toEqual([
      ["blog/page2/index.html", "/blog/page2/index.html"],
      ["blog/page3/index.html", "/blog/page3/index.html"],
    ]);
    expect(result.extraPages[0].globals?.paginator).toMatchObject({ previous_page_path: "/blog/", next_page_path: "/blog/page3/" });
  });

  it("falls back to an index.html further up, and warns when there is none", () => {
    const result = paginate([page("index.html")], posts, settings(config));
    expect(result && "template" in result && result.template.file).toBe("index.html");
    expect(paginate([page("about.html")], posts, settings(config))).toMatchObject({ severity: "warning", code: "pagination-without-index" });
    expect(paginate([page("index.html")], posts, settings({}))).toBeUndefined();
  });
});

describe("a page whose file name cannot be its address", () => {
  it("is refused at the file, with what to rename, for % \" < > and a backslash, in its name or a folder's", () => {
    for (const file of ["docs/100%.md", 'docs/q"z.md', "docs/a<b>.md", "docs/back\\slash.md", "docs/50%/intro.md"]) {
      expect(() => where(file), file).toThrowError(expect.objectContaining({ diagnostic: expect.objectContaining({ file, line: 1, code: "file-name-unusable" }) }));
    }
  });

  it("takes a name with spaces or other punctuation, and one that a permalink gives a plain address", () => {
    expect(where("docs/ok page.md")).toMatchObject({ url: "/docs/ok%20page.html", outputPath: "docs/ok page.html" });
    expect(where("docs/c++ & more.md").url).toBe("/docs/c++%20&%20more.html");
    expect(where("docs/café.md").url).toBe("/docs/caf%C3%A9.html");
    expect(where("docs/c#-sdk.md", { permalink: "/docs/c-sharp-sdk.html" }).url).toBe("/docs/c-sharp-sdk.html");
  });

  it("takes # and ? as Jekyll does: written at the name, its URL %-escaped", () => {
    expect(where("docs/c#-sdk.md")).toMatchObject({ url: "/docs/c%23-sdk.html", outputPath: "docs/c#-sdk.html" });
    expect(where("docs/c#/intro.md")).toMatchObject({ url: "/docs/c%23/intro.html", outputPath: "docs/c#/intro.html" });
    expect(where("docs/faq?.md")).toMatchObject({ url: "/docs/faq%3F.html", outputPath: "docs/faq?.html" });
    expect(where("docs/c# sdk.md", {}, { permalink: "pretty" })).toMatchObject({ url: "/docs/c%23%20sdk/", outputPath: "docs/c# sdk/index.html" });
  });
});
