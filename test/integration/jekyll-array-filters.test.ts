// Jekyll's where, where_exp, group_by and group_by_exp over site.pages, as legacy pages list related pages: a page
// without the key is simply not matched (no error, even with strict_variables), and values compare as text.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildWithFiles } from "../support/built-tree.ts";
import { HtmlPage } from "../support/html-page.ts";

describe("Jekyll's array filters on site.pages", () => {
  it("read a missing key as nil, compare as text and give each group its size", async () => {
    const page = (title: string, extra: string) => `---\ntitle: ${title}\n${extra}---\n\n${title} text.\n`;
    const { out, result } = await buildWithFiles({
      "docs/related/alpha.md": page("Alpha", "category: api\norder: 3\ntags: [rest, soap]\n"),
      "docs/related/beta.md": page("Beta", "category: api\n"),
      "docs/related/gamma.md": page("Gamma", ""),
      "docs/related/list.md": [
        "---",
        "title: List",
        "---",
        "",
        '{% assign related = site.pages | where: "category", "api" | sort: "title" %}',
        'API: {% for p in related %}{{ p.title }};{% endfor %}',
        "",
        'Third: {% assign third = site.pages | where: "order", "3" %}{% for p in third %}{{ p.title }}{% endfor %}',
        "",
        'Soap: {% assign soap = site.pages | where: "tags", "soap" %}{% for p in soap %}{{ p.title }}{% endfor %}',
        "",
        `Exp: {% assign exp = site.pages | where_exp: "p", "p.category == 'api' and p.order" %}{% for p in exp %}{{ p.title }}{% endfor %}`,
        "",
        'Groups: {% assign groups = site.pages | where_exp: "p", "p.url contains \'/related/\'" | group_by: "category" %}{% for g in groups %}[{{ g.name }}={{ g.size }}]{% endfor %}',
        "",
        'Nil: {% assign untagged = site.pages | where_exp: "p", "p.url contains \'/related/\'" | where: "category", nil %}{% for p in untagged %}{{ p.title }};{% endfor %} Empty: {% assign none = site.pages | where_exp: "p", "p.url contains \'/related/\'" | where: "category", empty %}{{ none.size }} Smart: [{{ nil | smartify }}]',
        "",
        'Tags: {% assign tagged = site.pages | where_exp: "p", "p.url contains \'/related/\'" | group_by: "tags" %}{% for g in tagged %}[{{ g.name }}]{% endfor %}',
        "",
        'By title: {% assign long = site.pages | where_exp: "p", "p.url contains \'/related/\'" | group_by_exp: "p", "p.title.size" %}{% for g in long %}[{{ g.name }}={{ g.size }}]{% endfor %}',
        "",
      ].join("\n"),
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/liquid-|warning/);
    const text = HtmlPage.read(out, "docs/related/list.html").text("article");
    expect(text).toContain("API: Alpha;Beta;");
    expect(text).toContain("Third: Alpha");
    expect(text).toContain("Soap: Alpha");
    expect(text).toContain("Exp: Alpha");
    expect(text).toContain("Groups: [api=2][=2]");
    expect(text).toContain("By title: [5=2][4=2]");
    expect(text).toContain("Nil: Gamma;List; Empty: 2 Smart: []");
    // Ruby's ["rest", "soap"], its quotes made curly by kramdown's typography, as on a Jekyll page.
    expect(text).toContain("Tags: [[\u201crest\u201d, \u201csoap\u201d]][]");
    expect(fs.existsSync(path.join(out, "docs/related/gamma.html"))).toBe(true);
  }, 120_000);
});
