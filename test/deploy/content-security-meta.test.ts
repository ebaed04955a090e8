// Every HTML file of a build carries the Content-Security-Policy as a <meta> tag ahead of any script or
// stylesheet, so a host that sends no header still blocks script written into Markdown; `_headers` gives
// Netlify and Cloudflare Pages the full header (issue 11). In the browser: content-security.browser.test.ts.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../src/render/content-security-policy.ts";
import { HtmlPage } from "../support/html-page.ts";
import { jekyllCompatTree } from "../support/fixture-tree.ts";
import { REPO_ROOT, runCli, type CliResult } from "../support/run-cli.ts";
import { cspTree } from "./support/csp-tree.ts";
import { htmlFiles } from "./support/site-urls.ts";

const CSP_META = 'meta[http-equiv="Content-Security-Policy"]';

let out: string;
let result: CliResult;

beforeAll(async () => {
  const tree = cspTree();
  out = path.join(tree, "_site");
  result = await runCli("build.ts", ["--source", tree, "--out", out, "--base", "/guides/"]);
});

describe("the Content-Security-Policy in the built files", () => {
  it("builds, saying only that the <script>s written in its pages never run", () => {
    const warnings = result.stderr.split("\n").filter((line) => /^\S+:\d+:\d+: /.test(line));
    expect(warnings.length).toBeGreaterThan(0);
    for (const line of warnings) expect(line).toMatch(/ warning content-blocked: A script written in the page is refused/);
    expect(result.code).toBe(0);
  });

  it("puts the policy's <meta> before every script and stylesheet of every HTML file", () => {
    const files = htmlFiles(out);
    // Guide pages, the catalog, the tree's own page layout, a page without layout, the home page, 404, a redirect.
    expect(files).toEqual(
      expect.arrayContaining(["404.html", "index.html", "docs/elements.html", "docs/about.html", "docs/bare.html", "docs/acme.html"]),
    );
    for (const rel of files) {
      const page = HtmlPage.read(out, rel);
      const metas = page.all(CSP_META);
      expect(metas, rel).toHaveLength(1);
      const policy = metas[0].attribs.content;
      // Every directive but the one a <meta> policy cannot carry.
      expect(policy, rel).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ""));
      const first = page.all(`${CSP_META}, script, link[rel="stylesheet"], style`)[0];
      expect(first, rel).toBe(metas[0]);
    }
  });

  it("keeps the <meta> inside <head> where the page has one, the tree's own layout included", () => {
    for (const rel of ["index.html", "404.html", "docs/about.html", "docs/acme.html", "docs/elements/acme-crm/index.html"]) {
      expect(HtmlPage.read(out, rel).all(`head > ${CSP_META}`), rel).toHaveLength(1);
    }
  });

  it("writes _headers with the full policy for every address under the base path, and lists it nowhere as a page", () => {
    const headers = fs.readFileSync(path.join(out, "_headers"), "utf8");
    expect(headers).toBe(`/guides/*\n  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}\n`);
    expect(headers).toContain("frame-ancestors 'none'");
    expect(fs.readFileSync(path.join(out, "sitemap.xml"), "utf8")).not.toContain("_headers");
    expect(fs.readFileSync(path.join(out, "elements.json"), "utf8")).not.toContain("_headers");
  });
});

describe("a tree whose own base layout is a copy of ours, built through a link to it", () => {
  it("gives every HTML file one policy <meta>, the one the layout writes", async () => {
    const tree = jekyllCompatTree();
    fs.mkdirSync(path.join(tree, "_layouts"));
    fs.copyFileSync(path.join(REPO_ROOT, "_layouts/base.liquid"), path.join(tree, "_layouts/base.liquid"));
    const link = `${tree}-link`;
    fs.symlinkSync(tree, link);
    const built = `${tree}-site`;
    try {
      const copied = await runCli("build.ts", ["--source", link, "--out", built]);
      expect(copied.code, copied.stderr).toBe(0);
      const files = htmlFiles(built);
      expect(files.length).toBeGreaterThan(10);
      for (const rel of files) expect(HtmlPage.read(built, rel).all(CSP_META), rel).toHaveLength(1);
    } finally {
      for (const dir of [tree, link, built]) fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

