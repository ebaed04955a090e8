// Everything Jekyll publishes is published (issue 10, points 7 and 8): pages anywhere, .html pages through Liquid,
// _posts, jekyll-paginate, static folders, exclude:/include:, and redirects where jekyll-redirect-from writes them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkSite } from "../../../src/checks/check-site.ts";
import { buildSite, type SiteBuild } from "../../../src/build/build-site.ts";
import { copyTree, writeFiles } from "../../support/fixture-tree.ts";
import { HtmlPage } from "../../support/html-page.ts";

const FIXTURE = path.resolve(import.meta.dirname, "../../fixtures/legacy-portal");

/** The build in memory, whole-site checks included, as `npm run build` makes it. */
async function built(sourceDir: string): Promise<SiteBuild> {
  const build = await buildSite({ sourceDir, cacheDir: false });
  checkSite(build);
  return build;
}

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-publish-"));
  writeFiles(dir, { "_config.yml": "title: T\n", ...files });
  return dir;
}

const output = (build: SiteBuild, outputPath: string) => build.outputs.find((o) => o.outputPath === outputPath);
const html = (build: SiteBuild, outputPath: string) => {
  const found = output(build, outputPath);
  if (!found) throw new Error(`${outputPath} is not written; written: ${build.outputs.map((o) => o.outputPath).join(", ")}`);
  return new HtmlPage(found.html);
};
const written = (build: SiteBuild) => new Set([...build.outputs.map((o) => o.outputPath), ...build.staticFiles.map((f) => f.to)]);
const problems = (build: SiteBuild, code?: string) =>
  build.diagnostics.items.filter((d) => (code ? d.code === code : d.severity === "error")).map((d) => `${d.file}:${d.line ?? ""} ${d.code} ${d.message}`);
const page = (front: string, body = "") => `---\n${front}\n---\n${body}`;

describe("the legacy portal, published as Jekyll publishes it", () => {
  let build: SiteBuild;
  beforeAll(async () => {
    build = await built(copyTree(FIXTURE));
  });

  it("publishes pages with front matter anywhere in the tree, under every markdown_ext extension", () => {
    expect(html(build, "search/index.html").text("h1")).toBe("Search the portal");
    expect(html(build, "about.html").text("h1")).toBe("About the Northwind Element Portal");
    expect([...build.sourcePages.keys()]).toEqual(expect.arrayContaining(["index.md", "about.markdown", "search/index.md", "404.html"]));
  });

  it("leaves out what _config.yml excludes and what Jekyll never publishes", () => {
    const files = [...written(build)];
    for (const left of ["README.md", "README.html", "Gemfile", "scripts/deploy.sh", "_config.yml"]) expect(files, left).not.toContain(left);
    expect(files.filter((f) => /^(?:_plugins|_posts|_layouts|_includes)\//.test(f))).toEqual([]);
  });

  it("renders .html pages with front matter through Liquid, at their permalink, the tree's 404 replacing ours", () => {
    const notFound = output(build, "404.html")!.html;
    expect(new HtmlPage(notFound).text("h1")).toBe("We could not find that page");
    expect(notFound).toContain("element catalog</a> of Northwind Element Portal");
    expect(notFound).not.toContain("{{");
    expect(build.outputs.filter((o) => o.outputPath === "404.html")).toHaveLength(1);
    expect(problems(build, "output-collision")).toEqual([]);
    expect(html(build, "docs/sitemap.html").texts("li")).toEqual(["Release 2016.5", "Release 2016.4", "Release 2016.3", "Release 2016.2", "Release 2016.1"]);
  });

  it("publishes _posts at Jekyll's default permalink, in the sitemap, with page.date", () => {
    for (const post of ["2016/01/12/release-1.html", "2016/02/09/release-2.html", "2016/05/24/release-5.html"]) {
      expect(output(build, post), post).toBeDefined();
      expect(output(build, "sitemap.xml")!.html).toContain(`https://portal.northwind.test/${post}`);
    }
    expect(html(build, "2016/01/12/release-1.html").text("time")).toBe("January 12, 2016");
  });

  it("gives the paginated index jekyll-paginate's paginator: 5 posts, 2 a page, make the index and 2 more pages", () => {
    const pages = ["docs/release-notes/index.html", "docs/release-notes/page2/index.html", "docs/release-notes/page3/index.html"].map((p) => html(build, p));
    expect(pages.map((p) => p.texts(".release-note h2"))).toEqual([
      ["Release 2016.5", "Release 2016.4"],
      ["Release 2016.3", "Release 2016.2"],
      ["Release 2016.1"],
    ]);
    expect(pages.map((p) => p.text(".pager span"))).toEqual(["Page 1 of 3", "Page 2 of 3", "Page 3 of 3"]);
    expect(pages.map((p) => p.all(".pager a").map((a) => `${a.attribs.class} ${a.attribs.href}`))).toEqual([
      ["older /docs/release-notes/page2"],
      ["newer /docs/release-notes/", "older /docs/release-notes/page3"],
      ["newer /docs/release-notes/page2"],
    ]);
    expect(pages[0].texts(".release-note p")).toEqual(["May 24, 2016", "April 19, 2016"]);
    expect(output(build, "docs/release-notes/page4/index.html")).toBeUndefined();
  });

  it("copies the static files of every folder, and links to them resolve", () => {
    const files = written(build);
    for (const file of ["download/sample-contacts.csv", "favicon/favicon.svg", "api-docs/swagger-ui.js", "assets/img/northwind-logo.svg", "bower_components/jquery/jquery.min.js"]) {
      expect(files.has(file), file).toBe(true);
    }
    expect(problems(build, "link-broken").filter((p) => /download|release-notes/.test(p))).toEqual([]);
  });

  it("writes extensionless redirect_from entries as .html files, as jekyll-redirect-from does", () => {
    const redirect = output(build, "docs/elements/brightline-crm/auth.html")!.html;
    expect(redirect).toContain('content="0; url=/docs/elements/brightline-crm/authenticate.html"');
    expect(output(build, "docs/elements/brightline/authenticate.html")).toBeDefined();
    expect(output(build, "docs/elements/brightline-crm/auth/index.html")).toBeUndefined();
  });
});

describe("publishing rules on small trees", () => {
  it("honours exclude: globs and prefixes, include:, Jekyll's default excludes and markdown_ext", async () => {
    const build = await built(
      tree({
        "_config.yml": "title: T\nexclude: ['*.log', tools]\ninclude: [_redirects]\nmarkdown_ext: md,txt\n",
        "notes.txt": page("title: Notes\nlayout: none", "Plain *text*"),
        "debug/trace.log": "x",
        "tools/run.sh": "x",
        "tools-old/run.sh": "x",
        "node_modules/pkg/index.js": "x",
        "vendor/bundle/gem.rb": "x",
        Gemfile: "x",
        _redirects: "/a /b",
        ".htaccess": "x",
        "_hidden/x.css": "x",
        "kept/data.json": "{}",
      }),
    );
    expect(output(build, "notes.html")!.html).toContain("<em>text</em>");
    // The page's Markdown twin sits beside it, whatever its source's extension.
    expect(written(build).has("notes.md")).toBe(true);
    // This include: replaces Jekyll's default one, [.htaccess], as it does in Jekyll.
    expect([...written(build)].filter((f) => !/^(?:assets|pagefind)\/|\.(?:html|xml|json|txt)$|^_headers$|^notes\.md$/.test(f))).toEqual(["_redirects"]);
    expect(written(build).has("kept/data.json")).toBe(true);
  });

  it("copies an .html file without front matter as it is, Liquid and all", async () => {
    const build = await built(tree({ "widgets/embed.html": "<p>{{ not liquid }}</p>\n" }));
    expect(build.staticFiles.find((f) => f.to === "widgets/embed.html")).toBeDefined();
    expect(output(build, "widgets/embed.html")).toBeUndefined();
  });

  it("renders a page that is not HTML (feed.xml) through Liquid, without a layout or a <meta>", async () => {
    const build = await built(tree({ "feed.xml": page("layout: null", '<?xml version="1.0"?>\n<feed><title>{{ site.title }}</title></feed>\n') }));
    expect(output(build, "feed.xml")!.html).toBe('<?xml version="1.0"?>\n<feed><title>T</title></feed>\n');
  });

  it("gives site.pages and site.html_pages: every page but posts, with its front matter and url", async () => {
    const build = await built(
      tree({
        "_posts/2020-03-01-post.md": page("title: Post"),
        "docs/a.md": page("title: A"),
        "feed.xml": page("layout: null", "<feed/>"),
        "pages.html": page("layout: none", "{% for p in site.pages %}{{ p.url }}={{ p.title }};{% endfor %}|{% for p in site.html_pages %}{{ p.path }};{% endfor %}"),
      }),
    );
    expect(output(build, "pages.html")!.html).toContain("/docs/a.html=A;/feed.xml=;/pages.html=;|docs/a.md;pages.html;");
  });

  it("gives site.static_files, site.documents and site.collections, as a theme lists downloads and posts with them", async () => {
    const build = await built(
      tree({
        "_posts/2020-03-01-post.md": page("title: Post"),
        "downloads/guide.pdf": "%PDF-1.4\n",
        "list.html": page(
          "layout: none",
          '{% for f in site.static_files %}{% if f.extname == ".pdf" %}{{ f.path }} {{ f.name }} {{ f.basename }};{% endif %}{% endfor %}' +
            "|{{ site.documents | map: 'title' | join: ',' }}|{% for c in site.collections %}{{ c.label }}={{ c.docs.size }};{% endfor %}",
        ),
      }),
    );
    expect(output(build, "list.html")!.html).toContain("/downloads/guide.pdf guide.pdf guide;|Post|posts=1;");
  });

  it("gives site.posts newest first with url, title, date, content and excerpt, as Jekyll does", async () => {
    const build = await built(
      tree({
        "_posts/2020-03-01-older.md": page("title: Older\nlayout: none", "Older one."),
        "_posts/2020-04-02-newer-post.md": page("layout: none", "First *paragraph*.\n\nSecond paragraph."),
        "list.html": page(
          "layout: none",
          '{% for post in site.posts %}[{{ post.title }}|{{ post.url }}|{{ post.date | date: "%B %-d, %Y" }}|{{ post.excerpt | strip }}|{{ post.content | strip_newlines }}]{% endfor %}',
        ),
      }),
    );
    expect(problems(build)).toEqual([]);
    expect(output(build, "list.html")!.html.replace(/^<meta http-equiv="Content-Security-Policy"[^>]*>/, "").trim()).toBe(
      "[Newer Post|/2020/04/02/newer-post.html|April 2, 2020|<p>First <em>paragraph</em>.</p>|<p>First <em>paragraph</em>.</p><p>Second paragraph.</p>]" +
        "[Older|/2020/03/01/older.html|March 1, 2020|<p>Older one.</p>|<p>Older one.</p>]",
    );
  });

  it("keeps posts dated in the future and misnamed ones out, saying so", async () => {
    const dir = tree({
      "_posts/2999-01-01-later.md": page("title: Later"),
      "_posts/notes.md": page("title: Notes"),
    });
    fs.writeFileSync(path.join(dir, "_posts/diagram.png"), Buffer.from([0x89, 0x50, 0xff, 0xfe]));
    const build = await built(dir);
    expect(problems(build, "post-in-future")).toEqual([expect.stringContaining("_posts/2999-01-01-later.md")]);
    expect(problems(build, "post-name")).toEqual([expect.stringContaining("_posts/diagram.png"), expect.stringContaining("_posts/notes.md")]);
    expect(problems(build)).toEqual([]);
    expect(build.outputs.some((o) => o.outputPath.includes("later") || o.outputPath.includes("notes"))).toBe(false);
  });

  it("reports a redirect that would replace a real page, naming both", async () => {
    const build = await built(
      tree({
        "docs/old.md": page("title: Old"),
        "docs/new.md": page("title: New\nredirect_from: /docs/old"),
      }),
    );
    expect(problems(build, "redirect-conflict")).toEqual([
      expect.stringMatching(/docs\/new\.md:\d+ redirect-conflict docs\/old\.html has two sources: the page docs\/old\.md and redirect_from "\/docs\/old" of docs\/new\.md/),
    ]);
    expect(output(build, "docs/old.html")!.html).not.toContain("http-equiv=\"refresh\"");
  });

  it("reports a static folder symlinked out of the tree and copies none of it", async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-outside-"));
    writeFiles(outside, { "secret.txt": "x" });
    const dir = tree({ "download/ok.csv": "a,b\n" });
    fs.symlinkSync(outside, path.join(dir, "download", "linked"));
    const build = await built(dir);
    expect(problems(build, "symlink-outside-tree")).toEqual([expect.stringContaining("download/linked")]);
    expect([...written(build)].filter((f) => f.startsWith("download/"))).toEqual(["download/ok.csv"]);
  });
});
