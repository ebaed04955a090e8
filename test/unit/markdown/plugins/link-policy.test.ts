import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { htmlLinkPolicy, linkPolicy } from "../../../../src/markdown/plugins/link-policy.ts";
import { looseHtml } from "../../../../src/markdown/plugins/loose-html.ts";

function render(markdown: string, baseurl = "", env: Record<string, unknown> = {}): string {
  const md = new MarkdownIt({ html: true });
  md.use(looseHtml, { rewriteTag: htmlLinkPolicy({ baseurl }) });
  md.use(linkPolicy, { baseurl });
  return md.render(markdown, env);
}

/** The site's pages by source file, as src/render/source-page-urls.ts gives them. */
const PAGES = new Map([
  ["docs/guides/setup.md", "/docs/guides/setup.html"],
  ["docs/guides/old name.md", "/moved/new-name.html"],
  ["docs/index.md", "/docs/"],
]);
const onPage = { file: "docs/guides/intro.md", report: () => {}, pageUrl: (file: string) => PAGES.get(file) };

describe("link policy", () => {
  it("sends a link written to a page's source file to its page, with its anchor and query, as jekyll-relative-links does", () => {
    const html = render("[a](setup.md#install) [b](/docs/guides/setup.md?x=1) [c](../index.md) [d](old%20name.md) [e][ref]\n\n[ref]: ./setup.md\n", "/guides", onPage);
    expect(html).toContain('href="/guides/docs/guides/setup.html#install"');
    expect(html).toContain('href="/guides/docs/guides/setup.html?x=1"');
    expect(html).toContain('href="/guides/docs/"');
    expect(html).toContain('href="/guides/moved/new-name.html"');
    expect(render("[s](spaced%20out.md)", "", { ...onPage, pageUrl: () => "/docs/guides/spaced out.html" })).toContain('href="/docs/guides/spaced%20out.html"');
    // A post's URL comes escaped from its permalink: escaped once, not twice.
    expect(render("[p](../../_posts/2024-01-01-my%20post.md)", "", { ...onPage, pageUrl: () => "/2024/01/01/my%20post.html" })).toContain('href="/2024/01/01/my%20post.html"');
    expect(html.match(/href="\/guides\/docs\/guides\/setup\.html"/g)).toHaveLength(1);
    // A file name with # or ?, written escaped as it must be.
    const sdk = { ...onPage, pageUrl: (file: string) => (file === "docs/guides/c# sdk.md" ? "/docs/guides/c%23%20sdk.html" : undefined) };
    expect(render("[c](c%23%20sdk.md#install)", "", sdk)).toContain('href="/docs/guides/c%23%20sdk.html#install"');
  });

  it("leaves a link to a file that makes no page, an external .md and raw HTML as written", () => {
    const html = render('[a](missing.md) [b](https://example.com/x.md) [c](notes.txt) <a href="setup.md">d</a>', "", onPage);
    expect(html).toContain('href="missing.md"');
    expect(html).toContain('href="https://example.com/x.md"');
    expect(html).toContain('href="notes.txt"');
    expect(html).toContain('<a href="setup.md">');
  });

  it("prefixes root-relative Markdown links and images with the base path, and nothing else", () => {
    const html = render("[a](/docs/x.html) [b](y.html#z) [c](#top) [d](//cdn.example/x) ![i](/img/a.png)", "/guides");
    expect(html).toContain('href="/guides/docs/x.html"');
    expect(html).toContain('href="y.html#z"');
    expect(html).toContain('href="#top"');
    expect(html).toContain('src="/guides/img/a.png"');
    expect(html).not.toContain("/guides//cdn");
  });

  it("prefixes root-relative links in raw HTML, quoted or not", () => {
    const html = render('<p><a href=/docs/x.html>x</a> <img src="/a.png" alt=""></p>', "/guides");
    expect(html).toContain('<a href="/guides/docs/x.html">');
    expect(html).toContain('<img src="/guides/a.png" alt="">');
  });

  it("leaves a link that already starts with the base path as written, as {{ site.baseurl }} and relative_url make it", () => {
    const html = render('[a](/guides/docs/x.html) [b](/guides) [c](/guides#top) [d](/guidesx/y.html) <a href="/guides/z.html">z</a> ![i](/guides/a.png)', "/guides");
    expect(html).toContain('href="/guides/docs/x.html"');
    expect(html).toContain('href="/guides"');
    expect(html).toContain('href="/guides#top"');
    expect(html).toContain('href="/guides/guidesx/y.html"');
    expect(html).toContain('<a href="/guides/z.html">');
    expect(html).toContain('src="/guides/a.png"');
    expect(html).not.toContain("/guides/guides/");
  });

  it("adds rel=noopener to external links in Markdown and HTML, keeping an existing rel", () => {
    const html = render('[v](https://vendor.example/docs) <a href="http://x.example" target="_blank" rel="nofollow">x</a>');
    expect(html).toContain('<a href="https://vendor.example/docs" rel="noopener">');
    expect(html).toContain('rel="nofollow noopener"');
  });

  it("leaves links alone at the site root and inside code", () => {
    const html = render("`<a href=\"/x\">` and [a](/docs/x.html)\n\n    <a href=\"/y\">");
    expect(html).toContain('href="/docs/x.html"');
    expect(html).toContain("&lt;a href=&quot;/x&quot;&gt;");
  });
});
