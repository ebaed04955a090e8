// The old Jekyll theme never keeps content out of the site (issue 10, point 1): by default a tree's pages use our
// theme, its `_layouts/*.html` are left unused (one info line says so), and a tree can opt in to them.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkSite } from "../../../src/checks/check-site.ts";
import { buildSite, type SiteBuild } from "../../../src/build/build-site.ts";
import { copyTree, jekyllCompatTree, writeFiles } from "../../support/fixture-tree.ts";
import { HtmlPage } from "../../support/html-page.ts";
import { runCli } from "../../support/run-cli.ts";

const FIXTURE = path.resolve(import.meta.dirname, "../../fixtures/legacy-portal");
/** Markup only the fixture's old theme writes (its layouts and its old-header.html include). */
const OLD_THEME = /old-theme|old-element|old-tabs|navbar-brand|bower_components/;
const OPT_IN = "element_guides:\n  layouts: own\n";

async function build(tree: string): Promise<SiteBuild> {
  const result = await buildSite({ sourceDir: tree, workers: 0, cacheDir: false });
  checkSite(result);
  return result;
}

function page(result: SiteBuild, outputPath: string): HtmlPage {
  const output = result.outputs.find((o) => o.outputPath === outputPath);
  if (!output) throw new Error(`${outputPath} was not written; written: ${result.outputs.map((o) => o.outputPath).join(", ")}`);
  return new HtmlPage(output.html);
}

const mentions = (result: SiteBuild, pattern: RegExp) =>
  result.diagnostics.items.filter((d) => pattern.test(`${d.file} ${d.message} ${(d.chain ?? []).join(" ")}`));

/** The fixture with `_config.yml` extended by `extra` (and any other files). */
function fixtureWith(extra: string, files: Record<string, string> = {}): string {
  const tree = copyTree(FIXTURE);
  writeFiles(tree, files);
  const config = path.join(tree, "_config.yml");
  writeFiles(tree, { "_config.yml": `${readText(config)}\n${extra}` });
  return tree;
}

function readText(file: string): string {
  return fs.readFileSync(file, "utf8");
}

describe("by default the legacy portal renders with our theme", () => {
  let result: SiteBuild;
  beforeAll(async () => {
    result = await build(copyTree(FIXTURE));
  });

  it("writes element pages in our element layout, with our sidebar and none of the old theme's markup", () => {
    const authenticate = page(result, "docs/elements/brightline-crm/authenticate.html");
    expect(authenticate.texts("nav.guide__nav a")).toEqual(expect.arrayContaining(["Overview", "Authenticate", "Events"]));
    expect(authenticate.html).not.toMatch(OLD_THEME);
  });

  it("never runs the old layouts: their shard_id filter is never called and nothing in _layouts/ is reported", () => {
    expect(mentions(result, /shard_id|_layouts\//)).toEqual([]);
    for (const output of result.outputs) expect(output.html, output.outputPath).not.toMatch(OLD_THEME);
  });

  it("gives each legacy layout name ours of the same kind: home, catalog, not-found, post and search pages", () => {
    expect(page(result, "index.html").all(".home")).toHaveLength(1);
    expect(page(result, "docs/elements.html").all(".catalog")).toHaveLength(1);
    const notFound = page(result, "404.html");
    expect(notFound.all(".not-found")).toHaveLength(1);
    expect(notFound.text(".not-found h1")).toBe("We could not find that page"); // the tree's words, in our layout
    // release-note-item: the post has no heading of its own, so ours shows its title.
    const post = page(result, "2016/01/12/release-1.html");
    expect(post.text("article.post h1")).toBe("Release 2016.1");
    // searchresults: the page's text, and the way to our search dialog.
    const search = page(result, "search/index.html");
    expect(search.text("main h1")).toBe("Search the portal");
    expect(search.html).toContain("use the Search button at the top of the page");
  });

  it("says once, as info, which layouts are not used and how to use them", () => {
    expect(result.notes).toHaveLength(1);
    expect(result.notes![0]).toMatch(
      /^The tree's own layouts \(_layouts\/sidebarelementdoc\.html, [\w-]+\.html, \+\d+\) are not used: its pages use Element Guides' theme\. To use them, set `element_guides: \{ layouts: own \}` in _config\.yml\.$/,
    );
    // Not a problem: nothing among the diagnostics is about the layouts being left out.
    expect(mentions(result, /layouts/)).toEqual([]);
  });

  it("does not report the problems of includes that only the old layouts use", async () => {
    const files = { "_includes/old-header.html": "<nav>{{ page.path | shard_id }}{% include old-missing.html %}</nav>\n" };
    const ours = await build(fixtureWith("", files));
    expect(mentions(ours, /old-header|old-missing|shard_id/)).toEqual([]);
    // With its own layouts the same tree does run them, and is told.
    const own = await build(fixtureWith(OPT_IN, files));
    expect(mentions(own, /old-missing/).length).toBeGreaterThan(0);
  });

  it("still counts front matter keys that only the old layouts read as read (a key of the tree's theme is no typo)", async () => {
    const tree = fixtureWith("", {
      "_layouts/default.html": "<html><body class=\"{{ page.bodyClass }}\">{{ content }}</body></html>\n",
      "docs/guide.md": "---\ntitle: Guide\nlayout: default\nbodyClass: wide\nvaleOf: typo\n---\n# Guide\n",
    });
    const unknown = (await build(tree)).diagnostics.items.filter((d) => d.code === "front-matter-unknown-key" && d.file === "docs/guide.md");
    expect(unknown.map((d) => d.message)).toEqual(['Unknown front matter key "valeOf"']);
  });
});

describe("each legacy layout name a page uses", () => {
  const element = (title: string, layout: string, body: string, order: number) =>
    `---\nheading: Acme CRM\ntitle: ${title}\nlayout: ${layout}\nelementKey: acmecrm\nelementId: 7\norder: ${order}\n---\n${body}\n`;
  const plain = (title: string, layout: string, body: string) => `---\ntitle: ${title}\nlayout: ${layout}\n---\n${body}\n`;
  let result: SiteBuild;
  beforeAll(async () => {
    const tree = jekyllCompatTree();
    writeFiles(tree, {
      "_layouts/portal-landing.html": '<div class="old-theme">{{ page.path | shard_id }}{{ content }}</div>\n',
      "docs/elements/acme-crm/index.md": element("Overview", "sidebarelementdoc", "# Acme CRM", 1),
      "docs/elements/acme-crm/api.md": element("API", "sidebarapidocs", "The Acme CRM API.", 2),
      "docs/elements/acme-crm/ko/api.md": plain("API 문서", "swagger-only", "Acme CRM API 문서."),
      "docs/guide.md": plain("Guide", "sidebarleft", "A guide."),
      "docs/notes/release-1.md": plain("Release 1", "rn", "# Release 1\n\nFixes."),
      "docs/landing.md": plain("Landing", "portal-landing", "Welcome."),
    });
    result = await build(tree);
  });

  it("sidebarelementdoc and sidebarapidocs: our element layout, with the element's sidebar", () => {
    for (const file of ["docs/elements/acme-crm/index.html", "docs/elements/acme-crm/api.html"]) {
      expect(page(result, file).texts("nav.guide__nav a"), file).toEqual(["Overview", "API"]);
    }
  });

  it("swagger-only and sidebarleft: our plain page layout", () => {
    for (const file of ["docs/elements/acme-crm/ko/api.html", "docs/guide.html"]) {
      expect(page(result, file).all("article.doc__content"), file).toHaveLength(1);
      expect(page(result, file).all(".guide"), file).toHaveLength(0);
    }
  });

  it("rn: our post layout, which adds no second heading to a note that has one", () => {
    const note = page(result, "docs/notes/release-1.html");
    expect(note.all("article.post")).toHaveLength(1);
    expect(note.texts("h1")).toEqual(["Release 1"]);
  });

  it("a name only the tree's unused .html layouts define: our layout for the page's kind", () => {
    const landing = page(result, "docs/landing.html");
    expect(landing.text("article.doc__content")).toBe("Welcome.");
    expect(landing.html).not.toMatch(OLD_THEME);
    expect(mentions(result, /shard_id|portal-landing/)).toEqual([]);
  });
});

describe("a tree that customises our theme", () => {
  it("with a .liquid layout of a legacy name: that layout wins, and its `layout: default` parent is our base", async () => {
    const tree = fixtureWith("", {
      "_layouts/sidebarelementdoc.liquid": '---\nlayout: default\n---\n<section class="team-guide">{{ content }}</section>\n',
    });
    const authenticate = page(await build(tree), "docs/elements/brightline-crm/authenticate.html");
    expect(authenticate.all("section.team-guide h1")).toHaveLength(1);
    expect(authenticate.all("header.site-header")).toHaveLength(1); // our base layout around it
    expect(authenticate.all("article")).toHaveLength(0); // not our page layout in between
    expect(authenticate.html).not.toMatch(OLD_THEME);
  });
});

describe("a tree that opts in to its own layouts", () => {
  let result: SiteBuild;
  beforeAll(async () => {
    result = await build(fixtureWith(OPT_IN));
  });

  it("renders its pages with its own .html layouts", () => {
    const index = page(result, "docs/elements/harbor-desk/index.html");
    expect(index.all("body.old-theme")).toHaveLength(1);
    expect(index.all("nav.navbar")).toHaveLength(1); // the old include, pulled in by the old layout
  });

  it("reports the Ruby-plugin filter its layouts call as an unknown filter, at the layout's line", () => {
    // Its level follows the tree's Liquid strictness (liquid: strict_filters), as in Jekyll.
    const unknown = result.diagnostics.items.filter((d) => d.code === "liquid-unknown-filter");
    expect(unknown).toEqual([expect.objectContaining({ file: "_layouts/sidebarelementdoc.html", line: 4 })]);
    expect(unknown[0].message).toContain("shard_id");
  });

  it("prints no note about unused layouts", () => {
    expect(result.notes).toEqual([]);
  });

  it("fills jekyll-seo-tag's {% seo %} in a theme's head: the title, description and canonical link", async () => {
    const tree = fixtureWith(OPT_IN, {
      "_layouts/default.html": "<!doctype html>\n<html><head>{% seo %}</head><body>{{ content }}</body></html>\n",
      "docs/setup.md": "---\nlayout: default\ntitle: Setup\ndescription: How to <b>set up</b> the API.\n---\n\nText.\n",
    });
    const own = await build(tree);
    expect(own.diagnostics.items.filter((d) => d.file === "_layouts/default.html" || d.file === "docs/setup.md")).toEqual([]);
    const setup = page(own, "docs/setup.html");
    const config = readText(path.join(tree, "_config.yml"));
    expect(setup.texts("title")).toEqual([`Setup | ${/^title: (.*)$/m.exec(config)![1]}`]);
    expect(setup.html).toContain('<meta name="description" content="How to set up the API." />');
    expect(setup.html).toContain(`<link rel="canonical" href="${/^url: (.*)$/m.exec(config)![1]}/docs/setup.html" />`);
  });

  it("writes {% seo %} as jekyll-seo-tag does for an untitled folder page, escaped entities, and canonical_url:", async () => {
    const tree = fixtureWith(OPT_IN, {
      "_layouts/default.html": "<!doctype html>\n<html><head>{% seo %}</head><body>{{ content }}</body></html>\n",
      "docs/guide/index.md": "---\nlayout: default\ndescription: Tom &amp; Jerry & friends\n---\n\nText.\n",
      "docs/moved.md": "---\nlayout: default\ntitle: Moved <em>here</em>\ncanonical_url: https://elsewhere.example.test/moved/\nimage: /assets/moved.png\nauthor: Ana\n---\n\nText.\n",
    });
    const own = await build(tree);
    expect(own.diagnostics.items.filter((d) => d.file.startsWith("docs/guide/") || d.file === "docs/moved.md")).toEqual([]);
    const config = readText(path.join(tree, "_config.yml"));
    const [siteTitle, siteDescription, url] = ["title", "description", "url"].map((key) => new RegExp(`^${key}: (.*)$`, "m").exec(config)![1]);
    const guide = page(own, "docs/guide/index.html");
    expect(guide.texts("title")).toEqual([`${siteTitle} | ${siteDescription}`]);
    expect(guide.html).toContain('<meta name="description" content="Tom &amp; Jerry &amp; friends" />');
    expect(guide.html).toContain(`<link rel="canonical" href="${url}/docs/guide/" />`);
    const moved = page(own, "docs/moved.html");
    expect(moved.html).toContain('<link rel="canonical" href="https://elsewhere.example.test/moved/" />');
    expect(moved.texts("title")).toEqual([`Moved here | ${siteTitle}`]);
  });
});

describe("element_guides.layouts", () => {
  it("with a value that is neither ours nor own: an error at its line with the nearest value, and our theme", async () => {
    const tree = fixtureWith("element_guides:\n  layouts: owm\n");
    const result = await build(tree);
    const problem = result.diagnostics.items.find((d) => d.file === "_config.yml" && d.code === "config-value");
    expect(problem).toMatchObject({ severity: "error", message: expect.stringContaining('"owm"'), hint: expect.stringContaining("Did you mean own?") });
    expect(problem!.line).toBe(readText(path.join(tree, "_config.yml")).split("\n").indexOf("  layouts: owm") + 1);
    expect(page(result, "docs/elements/harbor-desk/index.html").html).not.toMatch(OLD_THEME);
  });
});

describe("the CLI", () => {
  it("prints the info line once on stderr, and it fails no --strict check", { timeout: 60_000 }, async () => {
    const tree = jekyllCompatTree(); // checks clean
    fs.rmSync(path.join(tree, "README.md"), { force: true }); // the fixture's notes, not a page
    writeFiles(tree, {
      "_layouts/sidebarelementdoc.html": '---\nlayout: default\n---\n{% assign id = page.path | shard_id %}<div class="old-element">{{ content }}</div>\n',
      "_layouts/default.html": "<html><body>{% include old-header.html %}{{ content }}</body></html>\n",
    });
    const result = await runCli("check.ts", ["--source", tree, "--strict"]);
    expect(result.stderr.match(/^info: /gm)).toHaveLength(1);
    expect(result.stderr).toContain(
      "info: The tree's own layouts (_layouts/sidebarelementdoc.html, default.html) are not used: its pages use Element Guides' theme. " +
        "To use them, set `element_guides: { layouts: own }` in _config.yml.\n",
    );
    expect(result.stderr).toContain("0 errors, 0 warnings");
    expect(result.code).toBe(0);
  });
});
