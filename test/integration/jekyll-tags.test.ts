// Jekyll's own tags, which legacy pages use without a plugin: highlight, link and post_url.
import fs from "node:fs";
import path from "node:path";
import { DomUtils } from "htmlparser2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jekyllCompatTree, writeFiles } from "../support/fixture-tree.ts";
import { HtmlPage } from "../support/html-page.ts";
import { runCli, type CliResult } from "../support/run-cli.ts";

let tree: string;
let result: CliResult;
const out = () => path.join(tree, "_site");

beforeAll(async () => {
  tree = jekyllCompatTree();
  writeFiles(tree, {
    "_posts/2024-01-02-release.md": "---\ntitle: Release\n---\n\nShipped.\n",
    "docs/tags.md": [
      "---",
      "title: Tags",
      "---",
      "",
      "{% highlight json linenos %}",
      '{"name": "{{ page.title }}", "html": "<b>"}',
      "{% endhighlight %}",
      "",
      "Between **the** blocks.",
      "",
      "{% highlight cobol %}",
      "DISPLAY 'HI'.",
      "{% endhighlight %}",
      "",
      "[Setup]({% link docs/about.md %}), [the release]({% post_url 2024-01-02-release %}), [terms]({% link files/terms.txt %}).",
      "",
      "1. Install:",
      "",
      "   {% highlight bash %}",
      "   npm install",
      "   npm test",
      "   {% endhighlight %}",
      "",
      "2. Run it.",
      "",
    ].join("\n"),
    "files/terms.txt": "Terms.\n",
    "docs/about.md": "---\ntitle: About\n---\n\nAbout.\n",
  });
  result = await runCli("build.ts", ["--source", tree, "--out", out(), "--base", "/guides/"]);
}, 120_000);

afterAll(() => {
  if (tree) fs.rmSync(tree, { recursive: true, force: true });
});

describe("Jekyll's tags", () => {
  it("highlight gives the code block a fence in that language gives, Liquid in it rendered, Markdown around it intact", () => {
    expect(result.code, result.stderr).toBe(0);
    const page = HtmlPage.read(out(), "docs/tags.html");
    const [json, cobol] = page.all(".code-block");
    expect(json.attribs["data-lang"]).toBe("json");
    expect(DomUtils.textContent(json)).toContain('{"name": "Tags", "html": "<b>"}');
    expect(page.all(".code-block .shiki span[style]").length).toBeGreaterThan(3);
    // A language the site does not highlight is plain text, as an unknown fence language is.
    expect(cobol.attribs["data-lang"]).toBe("text");
    expect(page.text("article p strong")).toBe("the");
  });

  it("link and post_url give the URL made from that source file, with the base path", () => {
    const links = HtmlPage.read(out(), "docs/tags.html").all("article p a").map((a) => a.attribs.href);
    expect(links).toEqual(["/guides/docs/about.html", "/guides/2024/01/02/release.html", "/guides/files/terms.txt"]);
  });

  it("highlight in a list item is code inside that item, without the item's indentation, and the list goes on", () => {
    const page = HtmlPage.read(out(), "docs/tags.html");
    expect(page.all("article ol")).toHaveLength(1);
    const [install, run] = page.all("article ol > li");
    expect(DomUtils.textContent(install.children.find((c) => "attribs" in c && c.attribs.class === "code-block")!)).toContain("npm install\nnpm test");
    expect(DomUtils.textContent(run).trim()).toBe("Run it.");
  });

  it("in the page's Markdown twin, highlight is a fence and links have the base path once", () => {
    const twin = fs.readFileSync(path.join(out(), "docs/tags.md"), "utf8");
    expect(twin).toContain("```json\n{\"name\": \"Tags\", \"html\": \"<b>\"}\n```");
    expect(twin).toContain("   ```bash\n   npm install\n   npm test\n   ```");
    expect(twin).toContain("[Setup](/guides/docs/about.html)");
    expect(twin).not.toContain("shiki");
    expect(twin).not.toContain("/guides/guides/");
  });

  it("a link to a file that makes no page, or an unclosed highlight, is an error at its line", async () => {
    const bad = jekyllCompatTree();
    try {
      writeFiles(bad, {
        "docs/bad.md": "---\ntitle: Bad\n---\n\n[Gone]({% link docs/gone.md %})\n",
        "docs/open.md": "---\ntitle: Open\n---\n\n{% highlight json %}\n{}\n",
      });
      const checked = await runCli("check.ts", ["--source", bad]);
      expect(checked.code).toBe(1);
      expect(checked.stderr).toMatch(/^docs\/bad\.md:5:\d+: error liquid-error: link "docs\/gone\.md": no page, post or file of the tree is made from it/m);
      expect(checked.stderr).toMatch(/^docs\/open\.md:5(:\d+)?: error liquid-syntax: .*not closed: end it with \{% endhighlight %\}/m);
    } finally {
      fs.rmSync(bad, { recursive: true, force: true });
    }
  }, 120_000);
});
