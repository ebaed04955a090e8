// kramdown's syntax beyond CommonMark, as Jekyll pages write it: attribute lists, header ids, the table of contents,
// extensions ({::comment}), and the PHP Markdown Extra blocks (definition lists, footnotes, abbreviations).
import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../../../src/markdown/create-markdown.ts";
import { getHeadings } from "../../../../src/markdown/plugins/heading-ids.ts";
import { HtmlPage, textOf } from "../../../support/html-page.ts";
import { noHighlighter, recordingEnv, renderAs } from "../helpers.ts";

const page = (text: string) => new HtmlPage(renderAs("kramdown", text));

describe("kramdown attribute lists", () => {
  it("give a block the list on the line after it, or on the line before it", () => {
    const html = page("A paragraph.\n{: .lead #intro}\n\n{: .next data-x=\"1\"}\nNext one.\n\n| a |\n|---|\n| 1 |\n{: .table}\n\n- one\n- two\n{: .steps}\n");
    expect(html.one("p.lead").attribs.id).toBe("intro");
    expect(textOf(html.one("p.next"))).toBe("Next one.");
    expect(html.one("p.next").attribs["data-x"]).toBe("1");
    expect(html.all("table.table tbody tr")).toHaveLength(1);
    expect(html.all("ul.steps li")).toHaveLength(2);
    expect(html.html).not.toContain("{:");
  });

  it("name attribute list definitions given anywhere on the page, for blocks, headings and spans", () => {
    const html = page(
      "A note.\n{: note #first}\n\n## Setup\n{: note}\n\nSee *this*{: wide}.\n\n{:note: .callout data-kind=\"note\"}\n{:wide: note .wide}\n{:note: .boxed}\n",
    );
    expect(html.one("p#first").attribs).toMatchObject({ class: "callout boxed", "data-kind": "note" });
    expect(html.one("h2").attribs.class).toBe("callout boxed");
    expect(html.one("em").attribs.class).toBe("callout boxed wide");
    expect(html.html).not.toContain("{:");
  });

  it("give a list item the list that opens its text, as Jekyll's kramdown does, and leave one inside the text alone", () => {
    const html = page("* {:.done} Item one\n* Item {:.x} two\n\n1. {: #first} numbered\n");
    expect(html.all("ul li").map((li) => [li.attribs.class, textOf(li)])).toEqual([
      ["done", "Item one"],
      [undefined, "Item {:.x} two"],
    ]);
    expect(html.one("ol li").attribs).toEqual({ id: "first" });
    expect(textOf(html.one("ol li"))).toBe("numbered");
    // Also below a block's list or a definition, lines the render drops before it gets to the item.
    for (const above of ["{:done: .done}\n", "Para\n{: .x}\n"]) {
      const below = page(`${above}\n* {: .done} Item\n`);
      expect([below.one("li").attribs.class, textOf(below.one("li"))], above).toEqual(["done", "Item"]);
    }
  });

  it("give a heading its id, from {#id} or from a list after it, and keep other headings' GitHub ids", () => {
    const html = page("## First\n{: #custom-first .fancy}\n\n## Second {#second-id}\n\n## Third {: .x}\n\n## Plain Heading\n");
    expect(html.all("h2").map((h) => [h.attribs.id, h.attribs.class, textOf(h)])).toEqual([
      ["custom-first", "fancy", "First"],
      ["second-id", undefined, "Second"],
      ["third", "x", "Third"],
      ["plain-heading", undefined, "Plain Heading"],
    ]);
  });

  it("give a span the list right after it, leave one after plain text as text, and take no event handler", () => {
    const html = page('Some *word*{: .x} and [a link](/x.html){: title="T" onclick="steal()"} and `code`{: .c}, then text {: .y}, **strong**{: #s}.\n');
    expect(html.one("em").attribs.class).toBe("x");
    expect(html.one("strong").attribs.id).toBe("s");
    expect(html.one("a").attribs).toEqual({ href: "/x.html", title: "T" });
    expect(html.one("code").attribs.class).toBe("c");
    expect(textOf(html.one("p"))).toContain("then text {: .y}, strong.");
  });

  it("apply to nothing with blank lines on both sides, and take no script URL", () => {
    const html = page('One.\n\n{: .floating}\n\nTwo [x](#x){: href="javascript:alert(1)"}.\n');
    expect(html.all(".floating")).toEqual([]);
    expect(html.one("a").attribs.href).toBe("#x");
  });

  it("are text with kramdown off, and inside code", () => {
    expect(renderAs("commonmark", "A.\n{: .lead}\n")).toContain("{: .lead}");
    expect(page("```\n{: .lead}\n```\n").html).toContain("{: .lead}");
  });
});

describe("kramdown's table of contents", () => {
  it("replaces the list marked {:toc} with the page's headings, nested, leaving out no_toc ones", () => {
    const html = page("* TOC\n{:toc}\n\n## One\n\n### One A\n\n## Two {#two}\n\n## Hidden\n{: .no_toc}\n");
    const toc = html.one("ul#markdown-toc");
    expect(html.all("ul#markdown-toc > li > a").map((a) => [a.attribs.href, textOf(a)])).toEqual([
      ["#one", "One"],
      ["#two", "Two"],
    ]);
    expect(html.all("ul#markdown-toc > li > ul > li > a").map((a) => a.attribs.href)).toEqual(["#one-a"]);
    expect(textOf(toc)).not.toContain("TOC");
    // The layout's "On this page" list leaves it out too.
    const env = recordingEnv();
    createMarkdown({ highlighter: noHighlighter, flavor: "kramdown" }).render("## Shown\n\n## Hidden\n{: .no_toc}\n", env);
    expect(getHeadings(env).map((h) => h.text)).toEqual(["Shown"]);
  });

  it("keeps the list's own attributes, and an id it is given", () => {
    expect(page("* TOC\n{:toc .toc-list}\n\n## One\n").one("ul#markdown-toc").attribs.class).toBe("toc-list");
    expect(page("1. TOC\n{:toc #contents}\n\n## One\n").all("ol#contents > li")).toHaveLength(1);
  });
});

describe("kramdown extensions", () => {
  it("leave {::comment} notes out, block or inline, pass {::nomarkdown} through and drop {::options}", () => {
    const html = page("Said {::comment}secret one{:/comment} aloud.\n\n{::comment}\nsecret two\n{:/}\n\n{::options parse_block_html=\"true\" /}\n\n{::nomarkdown}\n<div class=\"raw\">*as is*</div>\n{:/nomarkdown}\n").html;
    expect(html).not.toMatch(/secret|options|\{::/);
    expect(html).toContain('<div class="raw">*as is*</div>');
    expect(html).toContain("Said  aloud.");
  });

  it("show a note that is never closed as text, with a warning at its line, within a paragraph too", () => {
    const md = createMarkdown({ highlighter: noHighlighter, flavor: "kramdown" });
    const env = recordingEnv();
    expect(md.render("Text.\n\n{::comment}\nnever closed\n", env)).toContain("never closed");
    expect(env.problems).toEqual([expect.objectContaining({ code: "kramdown-extension-unclosed", line: 3, severity: "warning" })]);
    const inline = recordingEnv();
    expect(md.render("Text {::comment} across\n\nthe blank line{:/comment} after.\n", inline)).toContain("across");
    expect(inline.problems).toEqual([expect.objectContaining({ code: "kramdown-extension-unclosed", line: 1, severity: "warning" })]);
  });

  it("say that {::options} set in a page are not applied, at its line, and say nothing of an empty one", () => {
    const md = createMarkdown({ highlighter: noHighlighter, flavor: "kramdown" });
    const env = recordingEnv();
    md.render(
      'Text.\n\n{::options parse_block_html="true" /}\n\nMore\ntext {::options auto_id_prefix="kd-" /} here.\n\n{::options /}\n\n' +
        '# Head {::options toc_levels="2" /}\n\n| a | b |\n|---|---|\n| 1 | {::options hard_wrap="true" /} |\n',
      env,
    );
    const at = (line: number, option: string) => expect.objectContaining({ code: "kramdown-options-ignored", line, severity: "warning", message: expect.stringContaining(option) });
    expect(env.problems).toEqual([at(3, 'parse_block_html="true"'), at(6, 'auto_id_prefix="kd-"'), at(10, 'toc_levels="2"'), at(14, 'hard_wrap="true"')]);
  });
});

describe("PHP Markdown Extra blocks kramdown reads", () => {
  it("make definition lists, footnotes and abbreviations", () => {
    const html = page("Term\n: The definition.\n\nAn API call[^1].\n\n[^1]: The note.\n\n*[API]: Application Programming Interface\n");
    expect(textOf(html.one("dl dt"))).toBe("Term");
    expect(textOf(html.one("dl dd"))).toBe("The definition.");
    expect(html.one("abbr").attribs.title).toBe("Application Programming Interface");
    // kramdown's ids, which links written for the Jekyll site use.
    expect(html.one("sup a").attribs).toMatchObject({ href: "#fn:1", id: "fnref:1" });
    expect(textOf(html.one("sup a"))).toBe("1");
    expect(html.one("section.footnotes li").attribs.id).toBe("fn:1");
    expect(page("A note[^named].\n\n[^named]: Named.\n").one("sup a").attribs.href).toBe("#fn:named");
    expect(textOf(html.one("section.footnotes li"))).toContain("The note.");
  });

  it("make a definition list of several terms, a line each, above their definitions", () => {
    const html = page("Intro.\n\napple\npear *ripe*\n: A fruit.\n: Another definition.\n\nsingle\n: One.\n\nAfter.\n");
    expect(html.all("dl")).toHaveLength(1);
    expect(html.all("dl > *").map((el) => `${el.name} ${textOf(el)}`)).toEqual(["dt apple", "dt pear ripe", "dd A fruit.", "dd Another definition.", "dt single", "dd One."]);
    expect(html.one("dt em").children).toHaveLength(1);
    expect(html.all("p").map(textOf)).toEqual(["Intro.", "After."]);
  });
});

describe("kramdown's line breaks", () => {
  it("break a line that ends with two backslashes, as one that ends with two spaces", () => {
    expect(renderAs("kramdown", "First line\\\\\nsecond line  \nthird \\\\ line\n")).toBe("<p>First line<br>\nsecond line<br>\nthird \\ line</p>\n");
    expect(renderAs("commonmark", "First line\\\\\nsecond\n")).toBe("<p>First line\\\nsecond</p>\n");
  });
});

describe("kramdown's end-of-block marker", () => {
  it("ends the block before it and writes nothing: two lists stay two, a paragraph ends", () => {
    const text = renderAs("kramdown", "- one\n- two\n^\n- three\n\nA paragraph\n^\nNext one.\n");
    expect(text).toBe("<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<ul>\n<li>three</li>\n</ul>\n<p>A paragraph</p>\n<p>Next one.</p>\n");
  });
});
