// A page's permalink is an address of the site even when its file is not named like it: `/docs/overview` is
// written to docs/overview.html, as Jekyll writes it, and links to it (the layout's canonical link among them) work.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jekyllCompatTree, writeFiles } from "../support/fixture-tree.ts";
import { HtmlPage } from "../support/html-page.ts";
import { runCli, type CliResult } from "../support/run-cli.ts";

const ORIGIN = "https://connectors.example.test";
let tree: string;
let out: string;
let result: CliResult;

beforeAll(async () => {
  tree = jekyllCompatTree();
  out = path.join(tree, "_site");
  writeFiles(tree, {
    "docs/clean.md": "---\ntitle: Clean\npermalink: /docs/clean-url\nredirect_from:\n  - /old/clean-home\n---\n\nA page at a URL without an extension.\n",
    "docs/dotted.md": "---\ntitle: Dotted\npermalink: /docs/dotted.htm\n---\n\nA page whose permalink ends in .htm.\n",
    "docs/linker.md":
      "---\ntitle: Linker\n---\n\n" +
      "[By its permalink](/docs/clean-url), [relative](clean-url), [by its old URL](/old/clean-home), " +
      "[the .htm page](/docs/dotted.htm).\n",
  });
  result = await runCli("build.ts", ["--source", tree, "--out", out]);
}, 120_000);

afterAll(() => {
  if (tree) fs.rmSync(tree, { recursive: true, force: true });
});

describe("a permalink without an extension", () => {
  it("writes the page as Jekyll does, with .html added, and gives it its permalink as canonical URL", () => {
    expect(result.code).toBe(0);
    expect(HtmlPage.read(out, "docs/clean-url.html").one('link[rel="canonical"]').attribs.href).toBe(`${ORIGIN}/docs/clean-url`);
  });

  it("counts links to the permalink and to the page's redirect_from URL as working", () => {
    expect(result.stderr).not.toMatch(/clean-url|clean-home/);
  });

  it("still reports a link to a URL no page was given, at its line", async () => {
    fs.appendFileSync(path.join(tree, "docs/linker.md"), "\n[A page by a URL it was never given](/docs/linker)\n");
    const checked = await runCli("check.ts", ["--source", tree]);
    expect(checked.code).toBe(1);
    const broken = checked.stderr.split("\n").filter((line) => line.includes("link-broken"));
    expect(broken).toEqual([expect.stringMatching(/^docs\/linker\.md:7:\d+: error link-broken: Broken link "\/docs\/linker"/)]);
  }, 120_000);
});

describe("a permalink ending in another extension than the page's", () => {
  it("is a warning at the permalink's line that says where the page went and what to write", () => {
    expect(result.stderr).toContain(
      "docs/dotted.md:3: warning front-matter-permalink: permalink /docs/dotted.htm does not end in .html: the page is written to docs/dotted.htm.html",
    );
    expect(result.stderr).toContain("hint: End the permalink with .html (/docs/dotted.html), with / for a folder URL, or with no extension (/docs/dotted).");
  });

  it("is not reported again as a broken link, neither in the layout's canonical link nor in a page's", () => {
    expect(result.stderr).not.toMatch(/Broken link "[^"]*dotted/);
  });
});

describe("a permalink without an extension on a page that is not HTML", () => {
  it("does not reach the page (no host serves feed.xml at /feed): a warning at the permalink, and links to it are broken", async () => {
    const checked = await runWith("check.ts", {
      "docs/feed.xml": "---\nlayout: null\npermalink: /feed\n---\n<feed/>\n",
      "docs/reader.md": "---\ntitle: Reader\n---\n\n[The feed](/feed)\n",
    });
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain("docs/feed.xml:3: warning front-matter-permalink: permalink /feed does not end in .xml: the page is written to feed.xml");
    expect(checked.stderr).toContain("hint: End the permalink with .xml (/feed.xml).");
    expect(checked.stderr).toMatch(/^docs\/reader\.md:5:\d+: error link-broken: Broken link "\/feed"/m);
  }, 120_000);
});

describe("a permalink or redirect_from that no file or URL can take", () => {
  it("is an error at its line, for each, with no stack trace", async () => {
    const built = await runWith("build.ts", {
      "docs/nul.md": "---\ntitle: Nul\npermalink: /docs/n%00ul\n---\n\nText.\n",
      "docs/long.md": `---\ntitle: Long\npermalink: /docs/${"x".repeat(300)}\n---\n\nText.\n`,
      "docs/query.md": "---\ntitle: Query\npermalink: /docs/q?x=1\n---\n\nText.\n",
      "docs/escape.md": "---\ntitle: Escape\npermalink: /docs/bad%ZZ\n---\n\nText.\n",
      "docs/moved.md": "---\ntitle: Moved\nredirect_from:\n  - /old/n%00x\n---\n\nText.\n",
    });
    expect(built.code).toBe(1);
    const errors = built.stderr.split("\n").filter((line) => / error /.test(line));
    expect(errors.map((line) => line.slice(0, line.indexOf(": error"))).sort()).toEqual(["docs/escape.md:3", "docs/long.md:3", "docs/moved.md:3", "docs/nul.md:3", "docs/query.md:3"]);
    expect(errors.every((line) => line.includes("error permalink-unusable:"))).toBe(true);
    expect(built.stderr).toContain("longer than the 255 bytes a file name may have");
    expect(built.stderr).toContain('holds "?", which ends the path part of a URL');
    expect(built.stderr).not.toMatch(/^\s+at /m);
  }, 120_000);

  it("is one error for a redirect_from that is no path at all, not a second one for the redirect it cannot write", async () => {
    const built = await runWith("build.ts", { "docs/moved.md": "---\ntitle: Moved\nredirect_from:\n  - /old#part\n---\n\nText.\n" });
    expect(built.code).toBe(1);
    const errors = built.stderr.split("\n").filter((line) => / error /.test(line));
    expect(errors).toEqual([expect.stringMatching(/^docs\/moved\.md:3: error front-matter-type: redirect_from/)]);
  }, 120_000);
});

describe("two pages given one permalink", () => {
  it("is one output-collision, at the permalink line of the first, and not a second one for their Markdown twins", async () => {
    const checked = await runWith("check.ts", {
      "docs/c/a.md": "---\ntitle: A\npermalink: /docs/same\n---\n\nA.\n",
      "docs/c/b.md": "---\ntitle: B\npermalink: /docs/same\n---\n\nB.\n",
    });
    expect(checked.code).toBe(1);
    expect(checked.stderr.split("\n").filter((line) => / error /.test(line))).toEqual([
      "docs/c/a.md:3: error output-collision: docs/same.html has two sources: the page docs/c/a.md and the page docs/c/b.md",
    ]);
  }, 120_000);
});

/** Runs a command of the CLI on a fresh copy of the jekyll-compat tree with `files` added, then removes the copy. */
async function runWith(script: "build.ts" | "check.ts", files: Record<string, string>): Promise<CliResult> {
  const copy = jekyllCompatTree();
  try {
    writeFiles(copy, files);
    return await runCli(script, ["--source", copy, ...(script === "build.ts" ? ["--out", path.join(copy, "_site")] : [])]);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}
