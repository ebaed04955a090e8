// Each test is one statement of shared/fixtures/jekyll-compat/EXPECTED.md, checked on the built site.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SHARED, copyTree } from "../support/fixture-tree.ts";
import { HtmlPage, textOf } from "../support/html-page.ts";
import { runCli, type CliResult } from "../support/run-cli.ts";

let tree: string;
let out: string;
let result: CliResult;
const page = (rel: string) => HtmlPage.read(out, rel);
const exists = (rel: string) => fs.existsSync(path.join(out, rel));

beforeAll(async () => {
  // The fixture exactly as shared, not the patched copy other tests use.
  tree = copyTree(path.join(SHARED, "fixtures/jekyll-compat"));
  out = path.join(tree, "_site");
  result = await runCli("build.ts", ["--source", tree, "--out", out]);
});

describe("jekyll-compat: pages and URLs", () => {
  it("builds without errors; its one broken anchor (acme-helpdesk has no #authenticating-with-acme) is a warning", () => {
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("warning link-anchor");
    expect(result.stderr).toContain("included from docs/elements/acme-helpdesk/authenticate.md:17");
    expect(result.stderr).toContain("0 errors, 1 warning");
  });

  it("writes each page with front matter at <same path>.html", () => {
    expect(exists("docs/elements/acme-crm/authenticate.html")).toBe(true);
    expect(exists("docs/elements/acme-crm/index.html")).toBe(true);
    expect(exists("docs/elements.html")).toBe(true);
    // The folder URL is served by the index.html inside it.
    expect(fs.statSync(path.join(out, "docs/elements/acme-crm")).isDirectory()).toBe(true);
  });

  it("writes no page for a fragment without front matter", () => {
    expect(exists("docs/elements/acme-crm/includes/config-fields.html")).toBe(false);
    expect(exists("docs/elements/acme-crm/includes")).toBe(false);
  });

  it("writes nothing for a published: false page and lists it nowhere", () => {
    expect(exists("docs/elements/acme-crm/draft.html")).toBe(false);
    for (const file of ["docs/elements/acme-crm/index.html", "docs/elements.html"]) {
      expect(page(file).html).not.toContain("draft.html");
    }
  });

  it("writes a redirect page at each redirect_from URL", () => {
    const redirect = page("docs/elements/acme-crm/old-events.html");
    expect(redirect.one('meta[http-equiv="refresh"]').attribs.content).toBe("0; url=/docs/elements/acme-crm/events.html");
    expect(redirect.one('link[rel="canonical"]').attribs.href).toBe(
      "https://docs.example.test/docs/elements/acme-crm/events.html",
    );
    expect(redirect.one("a").attribs.href).toBe("/docs/elements/acme-crm/events.html");
  });
});

describe("jekyll-compat: Liquid as Jekyll evaluates it", () => {
  it("resolves page.* inside includes from each page's own front matter", () => {
    const crm = page("docs/elements/acme-crm/authenticate.html");
    expect(crm.text("h1")).toBe("Authenticate with Acme CRM");
    expect(crm.text("article")).toContain('"key": "acmecrm"');
    expect(crm.text("article")).toContain("crm.acme.username");
    expect(crm.text("article")).toContain("Login Name");

    const helpdesk = page("docs/elements/acme-helpdesk/authenticate.html");
    expect(helpdesk.text("h1")).toBe("Authenticate with Acme Help Desk");
    expect(helpdesk.text("article")).toContain('"key": "acmehelpdesk"');
    expect(helpdesk.text("article")).toContain("helpdesk.acme.username");
    expect(helpdesk.text("article")).toContain("Agent Email");
  });

  it("renders include with an unquoted path and include.content / include.type parameters", () => {
    const crm = page("docs/elements/acme-crm/authenticate.html");
    expect(crm.text(".bs-callout.bs-callout-info")).toContain("On this page");
    expect(crm.text(".alert.alert-info")).toContain("Include the User and Organization keys");
  });

  it("pulls the fragment next to the page in with include_relative", () => {
    const overview = page("docs/elements/acme-crm/index.html");
    expect(overview.text("article")).toContain("A fragment with no front matter");
    expect(overview.texts("article li code")).toEqual(["crm.acme.username", "crm.acme.password"]);
  });

  it("reads site.* from _config.yml and site.data.* from _data, hyphenated keys included", () => {
    const crm = page("docs/elements/acme-crm/authenticate.html");
    expect(crm.text("article")).toContain("Sign in to Acme Console");
    expect(crm.text("article")).toContain("A name for the element instance, shown in the instance list.");
    const events = page("docs/elements/acme-crm/events.html");
    expect(events.texts("article li")).toEqual(["CRM (crm)", "Help Desk (helpdesk)"]);
  });

  it("picks branches with if and case/when", () => {
    const text = page("docs/elements/acme-crm/events.html").text("article");
    expect(text).toContain("Polling watches the accounts resource.");
    expect(text).toContain("CRM events are delivered every 15 minutes.");
    expect(text).not.toContain("Help desk events");
  });

  it("renders {% icon %} as an element carrying the icon class", () => {
    expect(page("docs/elements/acme-crm/events.html").all(".fa-check-square-o")).toHaveLength(1);
  });

  it("leaves {{ mustache }} inside raw as literal text", () => {
    expect(page("docs/elements/acme-crm/events.html").text("article")).toContain(
      "Webhook payloads use {{ mustache }} placeholders",
    );
  });
});

describe("jekyll-compat: Markdown as the writer meant it", () => {
  it("gives headings GitHub-style ids counted over the whole page", () => {
    const auth = page("docs/elements/acme-crm/authenticate.html").ids();
    expect(auth).toContain("step-1-call-the-instances-api");
    const overview = page("docs/elements/acme-crm/index.html").ids();
    for (const id of ["welcome-to-the-acmeio-element", "option-1-connect-via-ip", "get-your-apps-oauth-client-credentials"]) {
      expect(overview).toContain(id);
    }
    const ceql = page("docs/elements/acme-crm/ceql.html");
    expect(ceql.all("h3").map((h) => h.attribs.id)).toEqual(["http-request", "http-request-1", "http-request-2"]);
  });

  it("renders the json fence inside the list item as a highlighted block, and the indented POST as code", () => {
    const auth = page("docs/elements/acme-crm/authenticate.html");
    const jsonBlock = auth.one('ol li .code-block[data-lang="json"] pre.shiki');
    expect(jsonBlock.attribs.class).toContain("shiki");
    expect(auth.all('ol li .code-block[data-lang="json"] span[style*="--shiki-light"]').length).toBeGreaterThan(5);
    const codeTexts = auth.all("ol li pre").map(textOf);
    expect(codeTexts.some((t) => t.trim() === "POST /instances")).toBe(true);
  });

  it("turns the callout's </br> and unquoted href into real line breaks and links to ids on the page", () => {
    const auth = page("docs/elements/acme-crm/authenticate.html");
    const callout = auth.one(".bs-callout");
    expect(auth.all(".bs-callout br")).toHaveLength(3);
    expect(callout.attribs.markdown).toBeUndefined();
    const ids = auth.ids();
    const links = auth.all(".bs-callout a").map((a) => a.attribs.href);
    expect(links).toEqual(["#authenticate-through-the-ui", "#step-1-call-the-instances-api", "#parameters"]);
    for (const href of links) expect(ids).toContain(href.slice(1));
    expect(auth.text(".bs-callout")).not.toContain("</br>");
  });

  it("resolves the note's link index.html#authenticating-with-acme to a page and id that exist", () => {
    const href = page("docs/elements/acme-crm/authenticate.html").one(".alert a").attribs.href;
    expect(href).toBe("index.html#authenticating-with-acme");
    const [file, id] = href.split("#");
    expect(page(path.posix.join("docs/elements/acme-crm", file)).ids()).toContain(id);
  });
});

describe("jekyll-compat: site structure", () => {
  it("lists the element's pages in order in the sidebar, current page marked, no other element's pages", () => {
    const auth = page("docs/elements/acme-crm/authenticate.html");
    const links = auth.all("nav.guide__nav a");
    expect(links.map(textOf)).toEqual(["Overview", "API Provider Setup", "Authenticate", "Events", "Querying"]);
    expect(links.filter((a) => a.attribs["aria-current"] === "page").map(textOf)).toEqual(["Authenticate"]);
    expect(links.every((a) => !a.attribs.href.includes("acme-helpdesk"))).toBe(true);
  });

  it("links back to /docs/elements.html with the text Back to Element Guides", () => {
    const back = page("docs/elements/acme-crm/events.html").all('a[href="/docs/elements.html"]').map(textOf);
    expect(back).toContain("Back to Element Guides");
  });

  it("uses the page's seo value as <title>", () => {
    expect(page("docs/elements/acme-crm/ceql.html").text("title")).toBe("Query Language | Acme CRM | Acme Integration Docs");
  });

  it("lists acme-crm's pages in sitemap.xml, but not ceql.html (sitemap: false) nor the draft", () => {
    const xml = fs.readFileSync(path.join(out, "sitemap.xml"), "utf8");
    expect(xml).toContain("<loc>https://docs.example.test/docs/elements/acme-crm/authenticate.html</loc>");
    expect(xml).toContain("<loc>https://docs.example.test/docs/elements/acme-crm/index.html</loc>");
    expect(xml).not.toContain("ceql.html");
    expect(xml).not.toContain("draft.html");
  });
});
