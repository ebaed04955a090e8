// Pagefind given the reduced document of a page (src/search/search-document.ts) must index it exactly as it
// indexes the whole page: both are indexed by Pagefind itself, and its fragments (text, anchors, meta, filters)
// and language entries compared. The pages are written to catch what a reduction could lose.
import zlib from "node:zlib";
import * as pagefind from "pagefind";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MARKED_TEXT } from "../../../src/search/search-bundles.ts";
import { NOT_TEXT_CLASSES, searchDocument } from "../../../src/search/search-document.ts";

const head = (title: string) =>
  `<head><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="/site.css"><script src="/theme.js"></script></head>`;
const header =
  '<header id="top"><a href="/">Acme</a><button><svg width="16"><path d="m1 1"/></svg><span class="label">Search</span></button></header>';
const sidebar = '<div class="sidebar" id="sidebar"><nav><ol><li><a href="/a.html">Sidebar okapi</a></li></ol></nav></div>';
const footer = '<nav class="pager"><a href="/b.html">Next</a></nav><footer><p>Footer words</p></footer>';
const page = (lang: string, title: string, body: string, outside = { before: sidebar, after: footer }) =>
  `<!doctype html>\n<html lang="${lang}">\n${head(title)}\n<body>\n${header}\n<main id="main">${outside.before}\n${body}\n${outside.after}</main></body></html>\n`;
const article = (attributes: string, inner: string) =>
  `<article class="doc" data-pagefind-body ${attributes}>\n${inner}\n</article>`;
const meta = (title: string) =>
  `data-title="${title}" data-hub="CRM" data-pagefind-meta="title[data-title], hub[data-hub]" data-pagefind-filter="hub[data-hub]"`;
const heading = (level: number, id: string, text: string) =>
  `<div class="heading-wrap"><h${level} id="${id}">${text}</h${level}><a class="heading-anchor" href="#${id}" aria-label="Link: ${text}"></a></div>`;
const codeBlock = (lang: string, lines: string[][]) =>
  `<div class="code-block" data-lang="${lang}"><div class="code-block__bar"><span class="code-block__lang">${lang.toUpperCase()}</span><button type="button" hidden>Copy</button></div>` +
  `<pre class="shiki" style="--shiki-light:#24292e" tabindex="0"><code>` +
  lines.map((tokens) => `<span class="line">${tokens.map((t) => `<span style="--shiki-light:#005CC5">${t}</span>`).join("")}</span>`).join("\n") +
  "</code></pre></div>";

/** Pages the build hands Pagefind reduced; the comment on each says what it tries. */
const REDUCED: Record<string, string> = {
  // The layout's shape: meta and filters on the body, headings with anchors, highlighted code with its toolbar.
  "guide.html": page("en", "Events | Acme", article(meta("Events"), [
    heading(1, "events", "Events"),
    "<p>Acme polls for <strong>changed</strong> tickets (<code>since</code>) and <a href=\"#polling\">walruses</a>.</p>",
    heading(2, "polling", "Polling"),
    "<p>Every fifteen minutes.<br>Then again &amp; again.</p>",
    codeBlock("json", [["{"], ['  "cursor"', ": ", '"zebu&#x3C;1>"'], ["}"]]),
    codeBlock("bash", [["curl", " -X", " GET"], ["  -H", " 'Accept: json'"]]),
    "<table><tr><th>Name</th><td>Value of the <em>quokka</em></td></tr></table>",
  ].join("\n"))),
  // The API reference's examples, left out with data-pagefind-ignore (ids in them make no sub-results), and a
  // part left out with all it holds; a heading whose inline parts are left out.
  "api.html": page("en", "Contacts | Acme", article(meta("Contacts"), [
    heading(2, "list", "List contacts"),
    '<div class="api-examples" data-pagefind-ignore><h3 id="example">Example request</h3>' + codeBlock("bash", [["curl", " narwhal"]]) + "<div><p>nested</p></div></div>",
    '<aside id="note" data-pagefind-ignore="all"><p>Aside okapi</p></aside>',
    '<section data-pagefind-ignore="index"><p>Unseen <span class="line">lemur</span></p></section>',
    '<h2 id="beta">Beta <span class="tag">preview</span></h2>',
    "<p>After the examples.</p>",
  ].join("\n"))),
  // Comments, one holding what looks like tags, an h1 and the body's end.
  "comments.html": page("en", "Comments | Acme", article(meta("Comments"), [
    "<p>Before<!-- hidden --> the <!--more--> comment.</p>",
    "<!-- <span> </article> <h1>Fake</h1> data-pagefind-meta -->",
    heading(2, "after", "After the comment"),
  ].join("\n"))),
  // A span Pagefind reads (an id makes an anchor): then every span stays.
  "spans.html": page("en", "Spans | Acme", article(meta("Spans"), '<p>Before <span id="marker">marked <span class="x">inner</span> words</span> after.</p>')),
  // A query string in text: `=` and `<` outside any tag, no attribute value.
  "query-text.html": page("en", "Query | Acme", article("", "<p>Example: /contacts<strong>?where=active</strong>&amp;page=1 okapi</p>")),
  // No meta title: Pagefind takes the first h1, then the image after it.
  "untitled.html": page("en", "Untitled | Acme", article("", '<h1>First <span class="x">heading</span></h1>\n<p>Text <img src="/diagram.png" alt="Diagram"></p>\n<h1>Second heading</h1>')),
  // No h1 and no meta title: the <title> gives the title.
  "title-only.html": page("en", "Only the title &amp; more", article("", "<p>Body without a heading.</p>")),
  // A Korean page whose body is a <div> with <div>s and an svg in it.
  "divs.html": page("ko", "개요 | Acme", `<div class="catalog" data-pagefind-body data-title="개요" data-pagefind-meta="title[data-title]">
<div class="card"><div><h2 id="hub-crm">CRM <svg class="icon"><path d="m2 2"/></svg><span class="count">3</span></h2></div></div>
<div>티켓과 사용자. <span>펭귄</span> 데이터</div></div>`),
};

/** Pages given whole, because the reduction could not be sure to keep what Pagefind reads. */
const WHOLE: Record<string, string> = {
  "h1-outside.html": page("en", "Outside | Acme", article("", "<p>Inside the body.</p>"), { before: "<h1>Outer heading</h1>", after: "" }),
  "image-after.html": page("en", "Image | Acme", article(meta("Image"), "<p>Body.</p>"), { before: "", after: '<img src="/logo.png" alt="Logo">' }),
  "meta-outside.html": page("en", "Meta | Acme", article("", "<p>Body.</p>"), { before: '<p data-pagefind-meta="section:Guides"></p>', after: "" }),
  "two-bodies.html": page("en", "Two | Acme", article("", "<p>One body.</p>") + article("", "<p>Another body.</p>")),
  "filter-in-ignored.html": page("en", "Filter | Acme", article("", '<section data-pagefind-ignore><span data-pagefind-filter="kind">Guide</span> unseen</section><p>Text.</p>')),
  "h1-in-ignored.html": page("en", "Ignored h1 | Acme", article("", '<div data-pagefind-ignore><h1>Ignored title</h1></div><p>Text.</p>')),
  "weight.html": page("en", "Weight | Acme", article("", '<p><span data-pagefind-weight="5">Weighty</span> words</p>')),
  "script.html": page("en", "Script | Acme", article("", '<p>Text <textarea>a </span> b</textarea></p><script>const s = "</article>";</script>')),
  "odd-comment.html": page("en", "Odd | Acme", article("", "<p>Text <!--> shown <span>x</span> --></p>")),
  "capitals.html": page("en", "Capitals | Acme", article("", "<P>Shouting <SPAN>words</SPAN></P>")),
  // An end tag's look-alike in an attribute value, quoted or not, or in what HTML reads as a comment: the text
  // after it is still the body's.
  "end-in-a-value.html": page("en", "Value | Acme", article("", '<p>Before <abbr title="closing </article> tag">X</abbr> tapir after.</p><h2 id="later">Later</h2><p>Lemur.</p>')),
  "end-in-single-quotes.html": page("en", "Single | Acme", article("", "<p>Before <abbr title='a </article> b'>X</abbr> tapir after.</p>")),
  "end-unquoted.html": page("en", "Unquoted | Acme", article("", "<p>Before <abbr title=</article>X</abbr> tapir after.</p>")),
  "end-in-a-php-tag.html": page("en", "PHP | Acme", article("", '<p>Intro gecko.</p><?php echo "</article>"; ?><p>After the snippet ibex.</p>')),
  "end-in-a-bogus-comment.html": page("en", "Bogus | Acme", article("", "<p>Intro.</p><!x </article> ><p>After ibex.</p>")),
  "main-end-in-a-value.html": page("en", "Main | Acme", '<div data-pagefind-body><p title="</div>">Kept okapi.</p></div>', { before: "", after: "" }),
  "in-comment.html": page("en", "In a comment | Acme", '<!-- <div data-pagefind-body> --><div><p>No body here.</p></div>'),
  "in-a-value.html": page("en", "In a value | Acme", '<div title="a data-pagefind-body"><p>No body here either.</p></div>'),
  // An attribute whose name only starts like it: no body, so Pagefind indexes the whole page, sidebar and all.
  "look-alike.html": page("en", "Look-alike | Acme", '<article class="doc" data-pagefind-bodyx><p>Not a body.</p></article>'),
  "no-body.html": page("en", "Home | Acme", "<p>The home page.</p>"),
};
const PAGES = { ...REDUCED, ...WHOLE };

/** What Pagefind wrote for `pages`: each page's fragment by URL, and the language entries. */
async function indexOf(pages: Record<string, string>): Promise<{ fragments: Record<string, unknown>; entry: unknown }> {
  const { index, errors } = await pagefind.createIndex({ keepIndexUrl: true, excludeSelectors: NOT_TEXT_CLASSES.map((c) => `.${c}`) });
  if (!index) throw new Error(errors.join("; "));
  for (const [sourcePath, content] of Object.entries(pages)) {
    const added = await index.addHTMLFile({ sourcePath, content });
    expect(added.errors).toEqual([]);
  }
  const { files } = await index.getFiles();
  await index.deleteIndex();
  const fragments: Record<string, unknown> = {};
  let entry: unknown;
  for (const file of files) {
    if (file.path.endsWith(".pf_fragment")) {
      const fragment = JSON.parse(zlib.gunzipSync(file.content).subarray("pagefind_dcd".length).toString("utf8")) as { url: string };
      fragments[fragment.url] = fragment;
    } else if (file.path === "pagefind-entry.json") {
      entry = JSON.parse(Buffer.from(file.content).toString("utf8")).languages;
    }
  }
  return { fragments, entry };
}

let whole: Awaited<ReturnType<typeof indexOf>>;
let reduced: Awaited<ReturnType<typeof indexOf>>;
const reducedPages = Object.fromEntries(Object.entries(PAGES).map(([file, html]) => [file, searchDocument(html)]));

beforeAll(async () => {
  whole = await indexOf(PAGES);
  reduced = await indexOf(reducedPages);
});

afterAll(() => pagefind.close());

describe("searchDocument", () => {
  it("makes Pagefind index every page as it indexes the whole page", () => {
    // Every page with a body has its fragment (a page with nothing to index would have none, and prove nothing).
    const withoutBody = ["no-body.html", "in-comment.html", "in-a-value.html", "look-alike.html"];
    expect(Object.keys(whole.fragments).sort()).toEqual(Object.keys(PAGES).filter((f) => !withoutBody.includes(f)).map((f) => `/${f}`).sort());
    for (const url of Object.keys(whole.fragments)) expect(reduced.fragments[url], url).toEqual(whole.fragments[url]);
    expect(Object.keys(reduced.fragments).sort()).toEqual(Object.keys(whole.fragments).sort());
    expect(reduced.entry).toEqual(whole.entry);
  });

  it("reduces pages in the shapes our layouts write, and gives the others whole", () => {
    for (const file of Object.keys(REDUCED)) expect(reducedPages[file], file).not.toBe(PAGES[file]);
    for (const file of Object.keys(WHOLE)) expect(reducedPages[file], file).toBe(PAGES[file]);
  });

  it("reduces only pages whose text is marked, as the search feed counts them without looking again", () => {
    const reducedFiles = Object.keys(PAGES).filter((file) => reducedPages[file] !== PAGES[file]);
    expect(reducedFiles.length).toBeGreaterThan(0);
    for (const file of reducedFiles) expect(MARKED_TEXT.test(PAGES[file]), file).toBe(true);
  });

  it("gives a guide page as a small document: the body less the toolbars, anchors and highlighting spans", () => {
    const document = reducedPages["guide.html"];
    expect(document.length).toBeLessThan(PAGES["guide.html"].length / 2);
    expect(document.startsWith('<html lang="en"><head><title>Events | Acme</title></head><body><article class="doc" data-pagefind-body')).toBe(true);
    for (const gone of ["<span", "code-block__bar", "heading-anchor", "Sidebar okapi", "Footer words", 'id="top"']) {
      expect(document).not.toContain(gone);
    }
    expect(document).toContain('<code>{\n  "cursor": "zebu&#x3C;1>"\n}</code>');
  });

  it("cuts out the parts marked data-pagefind-ignore, and comments", () => {
    for (const gone of ["Example request", "narwhal", "nested", "Aside okapi", "lemur"]) expect(reducedPages["api.html"]).not.toContain(gone);
    expect(reducedPages["api.html"]).toContain("<p>After the examples.</p>");
    expect(reducedPages["comments.html"]).not.toContain("<!--");
    expect(reducedPages["comments.html"]).toContain("<p>Before the  comment.</p>");
  });

  it("keeps every span when one carries an id", () => {
    expect(reducedPages["spans.html"]).toContain('<span id="marker">marked <span class="x">inner</span> words</span>');
  });
});
