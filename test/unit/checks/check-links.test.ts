import { describe, expect, it } from "vitest";
import { checkLinks, type CheckedPage } from "../../../src/checks/links/check-links.ts";
import { pageFacts, pageLinks } from "../../../src/render/inspect/page-facts.ts";
import { SiteFiles } from "../../../src/checks/links/site-files.ts";

const site = { baseurl: "", url: "" };

/** A rendered page whose content links all come from the given source line. */
function rendered(outputPath: string, content: string, layout = (c: string) => `<main id="main">${c}</main>`): CheckedPage {
  const origins = [...content.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => ({ value: m[1], at: { file: `src/${outputPath}`, line: 7 } }));
  return {
    file: `src/${outputPath}`,
    url: `/${outputPath}`,
    outputPath,
    facts: pageFacts(layout(content), content, origins),
  };
}

function check(pages: CheckedPage[], extraFiles: string[] = []) {
  const files = new SiteFiles([...pages.map((p) => p.outputPath), ...extraFiles]);
  return checkLinks({ pages, files, site });
}

describe("checkLinks", () => {
  it("accepts links to pages, folders, files and ids that exist", () => {
    const a = rendered("docs/a/index.html", '<h2 id="one">One</h2><a name="legacy"></a><a href="#one">x</a><a href="#legacy">x</a><a href="#top">top</a>');
    const b = rendered(
      "docs/b.html",
      '<a href="a/index.html#one">x</a><a href="a/">x</a><a href="/docs/a">x</a><img src="img/x.png" srcset="img/x.png 1x, img/x@2.png 2x"><a href="https://elsewhere.test/404">x</a><a href="#main">skip</a>',
    );
    expect(check([a, b], ["docs/img/x.png", "docs/img/x@2.png"])).toEqual([]);
  });

  it("reports each broken link, anchor and image at the line the writer wrote it", () => {
    const a = rendered("docs/a.html", '<h2 id="setup">Setup</h2>');
    const b = rendered("docs/b.html", '<a href="a.html#set-up">x</a><a href="guide.html">x</a><img src="img/missing.png"><a href="#nowhere">x</a>');
    const found = check([a, b]);
    expect(found.map((d) => [d.file, d.line, d.code, d.hint])).toEqual([
      ["src/docs/b.html", 7, "link-anchor", "Did you mean #setup?"],
      ["src/docs/b.html", 7, "link-broken", expect.stringContaining("Pages are served at their source path")],
      ["src/docs/b.html", 7, "image-missing", expect.stringContaining("Put the image under docs/")],
      ["src/docs/b.html", 7, "link-anchor", expect.stringContaining("GitHub's rule")],
    ]);
    expect(found[1].message).toBe('Broken link "guide.html": no page or file /docs/guide.html in the site');
  });

  it("suggests the .html page for a link to a source .md file", () => {
    const found = check([rendered("docs/a.html", ""), rendered("docs/b.html", '<a href="a.md">x</a>')]);
    expect(found[0].hint).toBe("Pages are served as .html: link to a.html.");
  });

  it("reports a broken layout link once for the whole site, saying how many pages have it", () => {
    const layout = (c: string) => `<nav><a href="/docs/gone.html">Gone</a></nav><main>${c}</main>`;
    const found = check([rendered("docs/a.html", "A", layout), rendered("docs/b.html", "B", layout), rendered("docs/c.html", "C", layout)]);
    expect(found).toEqual([
      expect.objectContaining({ file: "src/docs/a.html", code: "link-broken", message: expect.stringContaining("made by the layout); 2 more pages have it too") }),
    ]);
    expect(found[0].line).toBeUndefined();
  });

  it("leaves the layout's back link to the page's breadcrumbs to the front matter check", () => {
    const page = { ...rendered("docs/a.html", "A", (c) => `<a href="/docs/nowhere.html">Back</a>${c}`), breadcrumbs: "/docs/nowhere.html" };
    expect(check([page])).toEqual([]);
  });

  it("checks #fragments only against pages it rendered", () => {
    expect(check([rendered("docs/a.html", '<a href="guide.pdf#page=2">x</a>')], ["docs/guide.pdf"])).toEqual([]);
  });
});

describe("pageFacts", () => {
  it("matches content links to their origins by value and in order, leaving layout links without one", () => {
    const content = '<a href="x.html">1</a><p><a href="x.html">2</a></p>';
    const html = `<a href="x.html">layout</a>${content}`;
    const facts = pageFacts(html, content, [
      { value: "x.html", at: { file: "p.md", line: 3 } },
      { value: "x.html", at: { file: "p.md", line: 5 } },
    ]);
    expect([...pageLinks(facts)].map((l) => l.origin?.line)).toEqual([undefined, 3, 5]);
  });

  it("decodes entities in attribute values and collects ids, skipping highlighted code", () => {
    const html = '<h2 id="a&amp;b">x</h2><pre class="shiki github"><code><span id="not-read">&lt;/pre&gt;</span></code></pre><a href="?q=1&amp;r=2">x</a>';
    const facts = pageFacts(html, "", []);
    expect(facts.ids).toEqual(["a&b"]);
    expect(facts).toEqual({ ids: ["a&b"], urls: ["?q=1&r=2"], kinds: "l", origins: {} });
  });
});
