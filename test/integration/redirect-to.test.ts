// jekyll-redirect-from's redirect_to: a page that sends its readers elsewhere instead of showing its old text.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { jekyllCompatConfig, jekyllCompatTree, writeFiles } from "../support/fixture-tree.ts";
import { HtmlPage } from "../support/html-page.ts";
import { runCli } from "../support/run-cli.ts";

const trees: string[] = [];
afterAll(() => {
  for (const tree of trees) fs.rmSync(tree, { recursive: true, force: true });
});

async function buildWith(files: Record<string, string>) {
  const tree = jekyllCompatTree();
  trees.push(tree);
  writeFiles(tree, files);
  const out = path.join(tree, "_site");
  return { out, result: await runCli("build.ts", ["--source", tree, "--out", out, "--base", "/guides/"]) };
}

describe("redirect_to", () => {
  it("makes the page a redirect to another site, or to a page of this one under the base path, without its old text", async () => {
    const { out, result } = await buildWith({
      "docs/gone.md": "---\ntitle: Gone\nredirect_to: https://example.com/new-place\n---\n\nOLD-TEXT of the page.\n",
      "docs/moved.md": "---\ntitle: Moved\nredirect_to: /docs/about.html\n---\n\nOLD-TEXT again.\n",
      "docs/about.md": "---\ntitle: About\n---\n\nAbout.\n",
      "docs/elements/tidewater-crm/retired.md":
        "---\nheading: Tidewater CRM\ntitle: Retired\nlayout: sidebarelementdoc\norder: 90\nredirect_to: /docs/elements/tidewater-crm/events.html\n---\n\nOld.\n",
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain("redirect_to");
    const gone = HtmlPage.read(out, "docs/gone.html");
    expect(gone.one('meta[http-equiv="refresh"]').attribs.content).toBe("0; url=https://example.com/new-place");
    expect(gone.one('link[rel="canonical"]').attribs.href).toBe("https://example.com/new-place");
    expect(gone.html).not.toContain("OLD-TEXT");
    const moved = HtmlPage.read(out, "docs/moved.html");
    expect(moved.one('meta[http-equiv="refresh"]').attribs.content).toBe("0; url=/guides/docs/about.html");
    expect(moved.one("a").attribs.href).toBe("/guides/docs/about.html");
    expect(moved.html).not.toContain("OLD-TEXT");
    // Nowhere listed: not in the sitemap, llms.txt or an element's sidebar and elements.json.
    for (const listing of ["sitemap.xml", "llms.txt", "elements.json", "docs/elements/tidewater-crm/index.html"]) {
      expect(fs.readFileSync(path.join(out, listing), "utf8"), listing).not.toMatch(/gone|moved|Retired/);
    }
    expect(fs.readFileSync(path.join(out, "sitemap.xml"), "utf8")).toContain("/guides/docs/about.html");
  }, 120_000);

  it("to a javascript: address is refused at its line: the build fails and writes nothing", async () => {
    const { out, result } = await buildWith({ "docs/moved.md": "---\ntitle: Moved\nredirect_to: javascript:alert(1)\n---\n\nKEPT-TEXT.\n" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^docs\/moved\.md:3: error front-matter-type: redirect_to /m);
    expect(fs.existsSync(path.join(out, "docs/moved.html"))).toBe(false);
  }, 120_000);

  it("to a javascript: address, reported as a warning by the tree's levels, leaves the page as it is, listed everywhere", async () => {
    const config = jekyllCompatConfig();
    const { out, result } = await buildWith({
      "_config.yml": `${config}\nelement_guides:\n  severity:\n    front-matter-type: warning\n`,
      "docs/moved.md": "---\ntitle: Moved\nredirect_to: javascript:alert(1)\n---\n\nKEPT-TEXT.\n",
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^docs\/moved\.md:3: warning front-matter-type: redirect_to /m);
    expect(HtmlPage.read(out, "docs/moved.html").html).toContain("KEPT-TEXT");
    expect(fs.readFileSync(path.join(out, "sitemap.xml"), "utf8")).toContain("/guides/docs/moved.html");
    expect(fs.readFileSync(path.join(out, "llms.txt"), "utf8")).toContain("docs/moved");
  }, 120_000);

  it("to the page itself is a redirect-loop error at the redirect_to line, however its address is written, and only that", async () => {
    const { result } = await buildWith({
      "docs/moved.md": "---\ntitle: Moved\nredirect_to: /docs/moved.html\n---\n\nOld.\n",
      "docs/bare.md": "---\ntitle: Bare\nredirect_to: /docs/bare\n---\n\nOld.\n",
      "docs/based.md": "---\ntitle: Based\nredirect_to: /guides/docs/based.html\n---\n\nOld.\n",
      "docs/full.md": "---\ntitle: Full\nredirect_to: https://connectors.example.test/guides/docs/full.html\n---\n\nOld.\n",
      "docs/folder/page.md": "---\ntitle: Folder\npermalink: /folder/\nredirect_to: /folder/index.html\n---\n\nOld.\n",
    });
    expect(result.code).toBe(1);
    const errors = result.stderr.split("\n").filter((line) => / error /.test(line));
    expect(errors.map((line) => line.replace(/: error .*/, ""))).toEqual(["docs/bare.md:3", "docs/based.md:3", "docs/folder/page.md:4", "docs/full.md:3", "docs/moved.md:3"]);
    expect(errors.every((line) => line.includes("error redirect-loop: redirect_to: sends"))).toBe(true);
  }, 120_000);

  it("round a circle of pages is a redirect-loop error at each one's redirect_to line; a chain that ends on a page is fine", async () => {
    const { result } = await buildWith({
      "docs/ping.md": "---\ntitle: Ping\nredirect_to: /docs/pong.html\n---\n\nOld.\n",
      "docs/pong.md": "---\ntitle: Pong\nredirect_to: /guides/docs/ping\n---\n\nOld.\n",
      "docs/one.md": "---\ntitle: One\nredirect_to: /docs/two.html\n---\n\nOld.\n",
      "docs/two.md": "---\ntitle: Two\nredirect_to: /docs/three/\n---\n\nOld.\n",
      "docs/three/index.md": "---\ntitle: Three\nredirect_to: /docs/one.html#top\n---\n\nOld.\n",
      // Its redirect_from page sends the reader back to it.
      "docs/new.md": "---\ntitle: New\nredirect_from: /docs/old.html\nredirect_to: /docs/old.html\n---\n\nOld.\n",
      // The same, its redirect_from: written without the leading slash.
      "docs/newer.md": "---\ntitle: Newer\nredirect_from: docs/older.html\nredirect_to: /guides/docs/older.html\n---\n\nOld.\n",
      // A chain that ends on a page: each redirect is fine, the folder page and the .html page are not one.
      "docs/first.md": "---\ntitle: First\nredirect_to: /docs/second.html\n---\n\nOld.\n",
      "docs/second.md": "---\ntitle: Second\nredirect_to: /docs/first/\n---\n\nOld.\n",
      "docs/first/index.md": "---\ntitle: First folder\n---\n\nHere.\n",
    });
    expect(result.code).toBe(1);
    const errors = result.stderr.split("\n").filter((line) => / error /.test(line));
    expect(errors.map((line) => line.replace(/: error .*/, ""))).toEqual([
      "docs/new.md:4",
      "docs/newer.md:4",
      "docs/one.md:3",
      "docs/ping.md:3",
      "docs/pong.md:3",
      "docs/three/index.md:3",
      "docs/two.md:3",
    ]);
    expect(result.stderr).toContain("error redirect-loop: redirect_to: sends /docs/ping.html round in a circle (/docs/ping.html -> /docs/pong.html -> /docs/ping.html)");
    expect(result.stderr).toContain("(/docs/two.html -> /docs/three/index.html -> /docs/one.html -> /docs/two.html)");
  }, 120_000);

  it("to a page that does not exist is a broken link at the redirect_to line", async () => {
    const { result } = await buildWith({ "docs/moved.md": "---\ntitle: Moved\nredirect_to: /docs/nowhere.html\n---\n\nOld.\n" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^docs\/moved\.md:3: error link-broken: Broken link "[^"]*\/guides\/docs\/nowhere\.html"/m);
    // Once, though the page links there twice (its link and its canonical URL).
    expect(result.stderr.match(/ error /g)).toHaveLength(1);
  }, 120_000);
});
