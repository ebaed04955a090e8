import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { htmlLinkPolicy, linkPolicy } from "../../../../src/markdown/plugins/link-policy.ts";
import { looseHtml } from "../../../../src/markdown/plugins/loose-html.ts";

function render(markdown: string, baseurl = ""): string {
  const md = new MarkdownIt({ html: true });
  md.use(looseHtml, { rewriteTag: htmlLinkPolicy({ baseurl }) });
  md.use(linkPolicy, { baseurl });
  return md.render(markdown);
}

describe("link policy", () => {
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
