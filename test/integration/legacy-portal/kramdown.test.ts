// The legacy portal's Markdown habits (its Kramdown Habits page), built with the fixture as the portal's
// `markdown: kramdown` reads them and, for contrast, with `markdown: CommonMark`. The fence habit comes last on
// the page: read as CommonMark, it turns the rest of the page into code.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite, type SiteBuild } from "../../../src/build/build-site.ts";
import { copyTree } from "../../support/fixture-tree.ts";
import { HtmlPage, textOf } from "../../support/html-page.ts";
import { runCli } from "../../support/run-cli.ts";

const FIXTURE = path.resolve(import.meta.dirname, "../../fixtures/legacy-portal");
const PAGE = "docs/elements/brightline-crm/kramdown-habits";

/** A copy of the fixture whose _config.yml `markdown:` line says `markdown` (undefined: as the fixture has it). */
function fixtureWith(markdown?: string): string {
  const tree = copyTree(FIXTURE);
  const config = path.join(tree, "_config.yml");
  if (markdown) fs.writeFileSync(config, fs.readFileSync(config, "utf8").replace(/^markdown: kramdown$/m, `markdown: ${markdown}`));
  return tree;
}

interface Built {
  build: SiteBuild;
  page: HtmlPage;
}

async function build(tree: string): Promise<Built> {
  const result = await buildSite({ sourceDir: tree, cacheDir: false });
  return { build: result, page: new HtmlPage(result.outputs.find((o) => o.outputPath === `${PAGE}.html`)?.html ?? "") };
}

let kramdown: Built;
let commonmark: Built;

beforeAll(async () => {
  kramdown = await build(fixtureWith());
  commonmark = await build(fixtureWith("CommonMark"));
});

/** Elements of the page's own content (not of the theme around it). */
const within = (built: Built, selector: string) => built.page.all(`article.doc__content ${selector}`);

describe("legacy portal: Markdown as kramdown reads it (markdown: kramdown)", () => {
  it("renders the page, with no problem reported on it", () => {
    expect(kramdown.page.html).toContain("<h1");
    expect(kramdown.build.diagnostics.items.filter((d) => d.file === `${PAGE}.md`)).toEqual([]);
  });

  it("nests a list indented two spaces under a numbered item inside that item, and the numbering goes on", () => {
    expect(within(kramdown, "ol")).toHaveLength(1);
    expect(within(kramdown, "ol > li")).toHaveLength(3);
    expect(within(kramdown, "ol > li:nth-child(2) > ul > li").map(textOf)).toEqual(["the sandbox URL", "the API version"]);
  });

  it("reads ** inside a word as strong", () => {
    expect(kramdown.page.html).toContain("/contacts<strong>?where=active</strong>&amp;page=1");
  });

  it("closes a fence opened in a list item at a fence line at the margin, and the list and the page go on", () => {
    expect(within(kramdown, "pre code").map(textOf)).toEqual(["curl https://api.brightline.test/contacts"]);
    expect(within(kramdown, "ul > li").map(textOf)).toContain("Response: the matching contacts.");
    expect(textOf(kramdown.page.one("article.doc__content h2#after-the-request"))).toBe("After the Request");
    expect(within(kramdown, "p").map(textOf)).toContain("The response lists one contact per entry.");
  });

  it("keeps the cells of a table row wider than its header", () => {
    expect(within(kramdown, "tbody td").map(textOf)).toEqual(["name", "string", "Required when you create a contact"]);
    expect(within(kramdown, "thead th")).toHaveLength(3);
  });

  it("sets quotes, dashes and ellipses as kramdown does, but not in code or HTML attributes", () => {
    expect(within(kramdown, "p").map(textOf)).toContain("“Quoted” text – it’s the writer’s habit…");
    expect(within(kramdown, "p code").map(textOf)).toContain(`"raw" -- it's...`);
    expect(within(kramdown, "p a[title]")[0]?.attribs.title).toBe("it's -- raw");
  });

  it("gives a heading with an apostrophe the same id as before", () => {
    expect(textOf(kramdown.page.one("article.doc__content h2#get-your-apps-keys"))).toBe("Get Your App’s Keys");
  });
});

describe("legacy portal: the same page with markdown: CommonMark", () => {
  it("splits the numbered list around the - lines", () => {
    expect(within(commonmark, "ol")).toHaveLength(2);
  });

  it("leaves ** inside a word as text", () => {
    expect(commonmark.page.html).toContain("/contacts**?where=active**&amp;page=1");
  });

  it("turns the rest of the page into code after the fence line at the margin", () => {
    expect(commonmark.page.ids()).not.toContain("after-the-request");
    expect(within(commonmark, "pre code").map(textOf).join("\n")).toContain("## After the Request");
  });

  it("drops the cell beyond the header's width", () => {
    expect(within(commonmark, "tbody td").map(textOf)).toEqual(["name", "string"]);
  });

  it("keeps straight quotes, double hyphens and three dots, with the same heading id", () => {
    expect(within(commonmark, "p").map(textOf)).toContain(`"Quoted" text -- it's the writer's habit...`);
    expect(commonmark.page.ids()).toContain("get-your-apps-keys");
  });
});

describe("legacy portal: kramdown settings that cannot be read", () => {
  it("fail the build at the _config.yml line, with a hint", async () => {
    const tree = fixtureWith();
    const config = path.join(tree, "_config.yml");
    const text = fs.readFileSync(config, "utf8");
    fs.writeFileSync(config, text.replace("smart_quotes: lsquo,rsquo,ldquo,rdquo", "smart_quotes: lsquo,rsquo"));
    const line = text.split("\n").indexOf("kramdown:") + 1;
    const result = await runCli("build.ts", ["--source", tree, "--out", path.join(tree, "_site")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `_config.yml:${line}: error config-value: kramdown: smart_quotes: must be four entity names or code points, not "lsquo,rsquo".`,
    );
    expect(result.stderr).toContain("hint: Write single open, single close, double open, double close");
  });
});
