// What a correct build of test/fixtures/jekyll-compat shows (content as the Jekyll-era site wrote it), one
// behaviour per test, checked on the built site.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { jekyllCompatTree } from "../support/fixture-tree.ts";
import { HtmlPage, textOf } from "../support/html-page.ts";
import { runCli, type CliResult } from "../support/run-cli.ts";

const CRM = "docs/elements/tidewater-crm";
const SUPPORT = "docs/elements/tidewater-support";
const ORIGIN = "https://connectors.example.test"; // the fixture's site.url

let out: string;
let result: CliResult;
const page = (rel: string) => HtmlPage.read(out, rel);
const exists = (rel: string) => fs.existsSync(path.join(out, rel));

beforeAll(async () => {
  const tree = jekyllCompatTree();
  out = path.join(tree, "_site");
  result = await runCli("build.ts", ["--source", tree, "--out", out]);
});

describe("jekyll-compat: pages and URLs", () => {
  it("builds with no error and no warning", () => {
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("0 errors, 0 warnings");
    expect(result.code).toBe(0);
  });

  it("writes each page with front matter at <same path>.html, an index.md also serving its folder's URL", () => {
    expect(exists(`${CRM}/authenticate.html`)).toBe(true);
    expect(exists(`${SUPPORT}/authenticate.html`)).toBe(true);
    expect(exists("docs/elements.html")).toBe(true);
    // A static host answers /docs/elements/tidewater-crm/ with the index.html inside that folder.
    expect(exists(`${CRM}/index.html`)).toBe(true);
    expect(page("docs/elements.html").all('a[href="/docs/elements/tidewater-crm/index.html"]').length).toBeGreaterThan(0);
  });

  it("writes no page for a Markdown fragment without front matter", () => {
    expect(exists(`${CRM}/includes/vpn-fields.html`)).toBe(false);
    expect(exists(`${CRM}/includes`)).toBe(false);
  });

  it("writes nothing for a published: false page and lists it in no sidebar or catalog", () => {
    expect(exists(`${CRM}/webhooks.html`)).toBe(false);
    for (const file of [`${CRM}/index.html`, `${SUPPORT}/index.html`, "docs/elements.html"]) {
      expect(page(file).html, file).not.toContain("webhooks.html");
    }
    expect(page(`${CRM}/index.html`).texts("nav.guide__nav a")).not.toContain("Webhooks");
  });

  it("writes a redirect page at each redirect_from URL that works without JavaScript", () => {
    const redirect = page(`${CRM}/change-feed.html`);
    expect(redirect.one('meta[http-equiv="refresh"]').attribs.content).toBe(`0; url=/${CRM}/events.html`);
    expect(redirect.one('link[rel="canonical"]').attribs.href).toBe(`${ORIGIN}/${CRM}/events.html`);
    expect(redirect.one("a").attribs.href).toBe(`/${CRM}/events.html`);
  });
});

describe("jekyll-compat: Liquid as Jekyll evaluates it", () => {
  it("resolves page.* in a page and in its includes from that page's own front matter, for each element", () => {
    // One include, two pages: each sees its own heading, elementId, elementKey, hdOrcrm and username/password.
    const elements = [
      { dir: CRM, name: "Tidewater CRM", id: 7301, key: "tidewatercrm", hub: "crm", login: "Account Login and Account Passphrase" },
      { dir: SUPPORT, name: "Tidewater Support", id: 7302, key: "tidewatersupport", hub: "helpdesk", login: "Agent Address and Agent Token" },
    ];
    for (const e of elements) {
      const auth = page(`${e.dir}/authenticate.html`);
      expect(auth.text("h1")).toBe(`Authenticate with ${e.name}`);
      const text = auth.text("article");
      for (const shown of [`(element ID ${e.id})`, `"key": "${e.key}"`, `${e.hub}.tidewater.username`, `Fill in ${e.login}`]) {
        expect(text, e.dir).toContain(shown);
      }
    }
    // In the page itself: the CRM page's own Sample Response, and the support Overview's heading.
    expect(page(`${CRM}/authenticate.html`).all('.code-block[data-lang="json"]').map(textOf).at(-1)).toContain('"id": 7301');
    expect(page(`${SUPPORT}/index.html`).text("h1")).toBe("About the Tidewater Support Element");
  });

  it("renders an include with an unquoted path and no space before %}, and passes content= and type= to it", () => {
    const crm = page(`${CRM}/authenticate.html`);
    expect(crm.text("h1")).toBe("Authenticate with Tidewater CRM"); // the include's first line
    expect(crm.text("aside.callout.callout-info")).toContain("Jump to");
    expect(crm.text(".admonition-note")).toBe("Heads up: Requests also carry the signing headers: the Overview explains them.");
  });

  it("pulls the fragment next to the page in with include_relative", () => {
    const overview = page(`${CRM}/index.html`);
    expect(overview.text("article")).toContain("Without front matter this file is a fragment");
    expect(overview.texts("article li code")).toEqual(["crm.tidewater.vpnHost", "crm.tidewater.vpnPort"]);
  });

  it("reads site.* from _config.yml, site.data.* with a hyphenated key, and loops over a data list", () => {
    const crm = page(`${CRM}/authenticate.html`);
    expect(crm.text("article")).toContain("Open Tidewater Admin Portal and pick Tidewater CRM");
    expect(crm.text("article")).toContain("in the Tidewater Admin Portal, or send one request");
    expect(crm.text("article")).toContain("What the new connection is called in your list of instances.");
    const events = page(`${CRM}/events.html`);
    expect(events.texts("article li")).toEqual(["CRM is crm", "Help Desk is helpdesk", "Marketing is marketing"]);
  });

  it("picks branches with if and case/when", () => {
    const text = page(`${CRM}/events.html`).text("article");
    expect(text).toContain("Each poll reads the deals endpoint.");
    expect(text).toContain("A CRM instance polls every 10 minutes.");
    expect(text).not.toContain("every endpoint");
    expect(text).not.toContain("help desk instance");
    expect(text).not.toContain("once an hour");
  });

  it("renders {% icon %} as an element carrying the icon's class", () => {
    expect(page(`${CRM}/events.html`).all("article .fa-refresh")).toHaveLength(1);
  });

  it("leaves {{ placeholders }} inside raw as literal text", () => {
    expect(page(`${CRM}/events.html`).text("article")).toContain("A webhook body template keeps its {{ placeholders }}");
  });
});

describe("jekyll-compat: Markdown as the writer meant it", () => {
  it("gives headings GitHub's ids: punctuation dropped, a curly apostrophe too, repeats numbered across includes", () => {
    expect(page(`${CRM}/authenticate.html`).ids()).toContain("step-2-send-a-post-to-instances");
    const overview = page(`${CRM}/index.html`).ids();
    for (const id of ["about-the-tidewaterapp-element", "method-a-connect-over-vpn", "find-your-teams-api-token"]) {
      expect(overview).toContain(id);
    }
    // The third "Sample Call" comes from an include: counted with the page's own two.
    const queries = page(`${CRM}/queries.html`);
    expect(queries.all("article h3").map((h) => h.attribs.id)).toEqual(["sample-call", "sample-call-1", "sample-call-2"]);
  });

  it("renders the json fence inside a numbered item as a highlighted block in that item, and indented code as code", () => {
    const auth = page(`${CRM}/authenticate.html`);
    const block = auth.one('ol li .code-block[data-lang="json"] pre.shiki');
    expect(textOf(block)).toContain('"configuration"');
    expect(auth.all('ol li .code-block[data-lang="json"] span[style*="--shiki-light"]').length).toBeGreaterThan(5);
    expect(auth.all("ol li pre").map(textOf)).toContain("POST /instances");
  });

  it("turns the callout's </br> and unquoted href into line breaks and links to ids on the page", () => {
    const auth = page(`${CRM}/authenticate.html`);
    expect(auth.all("aside.callout br")).toHaveLength(3);
    expect(auth.one("aside.callout").attribs.markdown).toBeUndefined();
    expect(auth.text("aside.callout")).not.toContain("</br>");
    const links = auth.all("aside.callout a").map((a) => a.attribs.href);
    expect(links).toEqual(["#connect-in-the-portal", "#step-2-send-a-post-to-instances", "#request-fields"]);
    const ids = auth.ids();
    for (const href of links) expect(ids).toContain(href.slice(1));
  });

  it("resolves the note's link index.html#signing-requests-to-tidewater on each element", () => {
    for (const element of [CRM, SUPPORT]) {
      const href = page(`${element}/authenticate.html`).one(".admonition-note a").attribs.href;
      expect(href).toBe("index.html#signing-requests-to-tidewater");
      const [file, id] = href.split("#");
      expect(page(`${element}/${file}`).ids(), element).toContain(id);
    }
  });
});

describe("jekyll-compat: site structure", () => {
  it("lists the element's pages in order in the sidebar, the current one marked, no other element's pages", () => {
    const links = page(`${CRM}/authenticate.html`).all("nav.guide__nav a");
    expect(links.map(textOf)).toEqual(["Overview", "API Provider Setup", "Authenticate", "Events", "Querying"]);
    expect(links.filter((a) => a.attribs["aria-current"] === "page").map(textOf)).toEqual(["Authenticate"]);
    expect(links.every((a) => a.attribs.href.startsWith(`/${CRM}/`))).toBe(true);
  });

  it("links back to /docs/elements.html with the text of parent:", () => {
    const back = page(`${CRM}/events.html`).all('a[href="/docs/elements.html"]').map(textOf);
    expect(back).toContain("Back to Element Guides");
  });

  it("uses the page's seo value as <title>", () => {
    expect(page(`${CRM}/queries.html`).text("title")).toBe("Query Syntax | Tidewater CRM | Tidewater Connector Guides");
  });

  it("lists the element's pages in sitemap.xml, but not a sitemap: false page nor an unpublished one", () => {
    const xml = fs.readFileSync(path.join(out, "sitemap.xml"), "utf8");
    expect(xml).toContain(`<loc>${ORIGIN}/${CRM}/authenticate.html</loc>`);
    expect(xml).toContain(`<loc>${ORIGIN}/${CRM}/index.html</loc>`);
    expect(xml).toContain(`<loc>${ORIGIN}/${SUPPORT}/index.html</loc>`);
    expect(xml).not.toContain("queries.html");
    expect(xml).not.toContain("webhooks.html");
  });
});
