import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { looseHtml, tidyHtml } from "../../../../src/markdown/plugins/loose-html.ts";

function render(text: string): string {
  return new MarkdownIt({ html: true }).use(looseHtml).render(text);
}

describe("tidyHtml", () => {
  it.each([
    ["</br>", "<br>"],
    ["</br >", "<br>"],
    ["</BR>", "<br>"],
    ["<a href=#parameters>Parameters</a>", '<a href="#parameters">Parameters</a>'],
    ["<a href=index.html#x>the Overview</a>", '<a href="index.html#x">the Overview</a>'],
    ["<a href = index.html target=_blank>x</a>", '<a href = "index.html" target="_blank">x</a>'],
    ["<img src=a.png alt='x=y' hidden>", "<img src=\"a.png\" alt='x=y' hidden>"],
  ])("%s -> %s", (input, output) => {
    expect(tidyHtml(input)).toBe(output);
  });

  it.each([
    "<br>",
    "<br/>",
    "<br />",
    '<a href="#x" title="a=b c=d">x</a>',
    "a < b and 3 <4",
    "<!-- <a href=x></br> -->",
    "<script>if (a<b) x = '</br>'</script>",
  ])("keeps %s as written", (html) => {
    expect(tidyHtml(html)).toBe(html);
  });

  it("does not read a quoted value as attributes", () => {
    expect(tidyHtml('<a title="see href=x" href=y>')).toBe('<a title="see href=x" href="y">');
  });
});

describe("loose-html plugin", () => {
  it("repairs inline HTML in a paragraph", () => {
    expect(render("One</br>two <a href=#parameters>Parameters</a>\n")).toBe(
      '<p>One<br>two <a href="#parameters">Parameters</a></p>\n',
    );
  });

  it("repairs a table cell", () => {
    expect(render("| Field |\n| --- |\n| Name</br>`name` |\n")).toContain("<td>Name<br><code>name</code></td>");
  });

  it("repairs an HTML block", () => {
    expect(render('<div class=note>\nA</br>B\n</div>\n')).toBe('<div class="note">\nA<br>B\n</div>\n');
  });

  it("does not touch code spans or code blocks", () => {
    const html = render("Use `</br>` and `<a href=#x>`.\n\n```\n</br><a href=#x>\n```\n\n    </br>\n");
    expect(html).toContain("<code>&lt;/br&gt;</code>");
    expect(html).toContain("<code>&lt;a href=#x&gt;</code>");
    expect(html).toContain("<pre><code>&lt;/br&gt;&lt;a href=#x&gt;\n</code></pre>");
    expect(html).toContain("<pre><code>&lt;/br&gt;\n</code></pre>");
    expect(html).not.toContain("<br>");
  });
});
