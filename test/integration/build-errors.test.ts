import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { jekyllCompatTree, writeFiles } from "../support/fixture-tree.ts";
import { runCli } from "../support/run-cli.ts";

const PAGE_HEAD = `---
heading: Tidewater CRM
title: Broken
layout: sidebarelementdoc
order: 50
`;

/** The jekyll-compat tree with one page added or changed, built; returns the CLI result and the tree. */
async function buildWith(files: Record<string, string>) {
  const tree = jekyllCompatTree();
  writeFiles(tree, files);
  const out = path.join(tree, "_site");
  const result = await runCli("build.ts", ["--source", tree, "--out", out]);
  return { tree, out, result };
}

describe("content errors stop the build and name the file", () => {
  it("an undefined variable fails with the page, line and a did-you-mean", async () => {
    const { result } = await buildWith({
      "docs/elements/tidewater-crm/broken.md": `${PAGE_HEAD}elementKey: tidewatercrm\n---\n\nThe key is {{ page.elementKy }}.\n`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("docs/elements/tidewater-crm/broken.md:9:15: error liquid-undefined-variable");
    expect(result.stderr).toContain('Undefined variable "page.elementKy"');
    expect(result.stderr).toContain("Did you mean page.elementKey?");
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("an undefined variable inside an include names the include, its line and the chain that led there", async () => {
    const { result } = await buildWith({
      "docs/elements/tidewater-crm/broken.md": `${PAGE_HEAD}---\n\n{% include Elements/tidewater/authenticate.md %}\n`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("_includes/Elements/tidewater/authenticate.md:3:66: error liquid-undefined-variable");
    expect(result.stderr).toContain('Undefined variable "page.elementId"');
    expect(result.stderr).toContain("included from docs/elements/tidewater-crm/broken.md:8");
  });

  it("an include whose parameter's quote is never closed fails at its line, not by dropping the value's last letter", async () => {
    const { result } = await buildWith({
      "docs/elements/tidewater-crm/broken.md": `${PAGE_HEAD}---\n\n{% include note.html content="Check the key %}\n\n{% include note.html content="it's fine" %}\n`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('docs/elements/tidewater-crm/broken.md:8:1: error liquid-syntax: include has a double quote that is never closed: note.html content="Check the key');
    expect(result.stderr).toContain('hint: Close the value with " before %}');
    expect(result.stderr.match(/ error /g)).toHaveLength(1);
  });

  it("a missing include fails naming the page and the include", async () => {
    const { result } = await buildWith({
      "docs/elements/tidewater-crm/broken.md": `${PAGE_HEAD}---\n\n{% include Elements/tidewater/nowhere.md %}\n`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("docs/elements/tidewater-crm/broken.md:8:1: error liquid-include");
    expect(result.stderr).toContain('Include "Elements/tidewater/nowhere.md" not found');
  });

  it("an unknown layout fails naming the page and the layout line", async () => {
    const { result } = await buildWith({
      "docs/elements/tidewater-crm/broken.md": "---\ntitle: Broken\nlayout: fancy-layout\n---\n\nHello\n",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("docs/elements/tidewater-crm/broken.md:3: error unknown-layout");
    expect(result.stderr).toContain('unknown layout "fancy-layout"');
  });

  it("an unknown filter and an unknown tag fail naming the page", async () => {
    const { result } = await buildWith({
      "docs/elements/tidewater-crm/filter.md": `${PAGE_HEAD}---\n\n{{ page.title | shout }}\n`,
      // Its own order: two pages of an element with the same order are an error of their own.
      "docs/elements/tidewater-crm/tag.md": `${PAGE_HEAD.replace("order: 50", "order: 51")}---\n\n{% shout %}\n`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("docs/elements/tidewater-crm/filter.md:8:17: error liquid-unknown-filter");
    expect(result.stderr).toContain("docs/elements/tidewater-crm/tag.md:8:1: error liquid-unknown-tag");
    expect(result.stderr).toContain("2 errors, 0 warnings");
  });

  it("an include that climbs out of _includes is refused", async () => {
    const { result } = await buildWith({
      "docs/elements/tidewater-crm/broken.md": `${PAGE_HEAD}---\n\n{% include ../../_config.yml %}\n`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("points outside _includes/");
  });

  it("a failed build leaves the previous site exactly as it was", async () => {
    const { tree, out, result: first } = await buildWith({});
    expect(first.code).toBe(0);
    const before = fs.readFileSync(path.join(out, "docs/elements/tidewater-crm/index.html"), "utf8");
    writeFiles(tree, { "docs/elements/tidewater-crm/index.md": "---\ntitle: x\nlayout: nope\n---\n" });
    const second = await runCli("build.ts", ["--source", tree, "--out", out]);
    expect(second.code).toBe(1);
    expect(fs.readFileSync(path.join(out, "docs/elements/tidewater-crm/index.html"), "utf8")).toBe(before);
    expect(fs.readdirSync(tree).filter((name) => name.startsWith("_site."))).toEqual([]);
  });
});

describe("warnings do not stop the build", () => {
  it("an unknown code language renders as plain text with a warning naming the file", async () => {
    const { out, result } = await buildWith({
      "docs/elements/tidewater-crm/code.md": `${PAGE_HEAD}---\n\n\`\`\`foobar\nsome code\n\`\`\`\n`,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("docs/elements/tidewater-crm/code.md");
    expect(result.stderr).toContain('warning code-unknown-language: Unknown code language "foobar"');
    expect(result.stderr).toContain("0 errors, 1 warning");
    expect(fs.readFileSync(path.join(out, "docs/elements/tidewater-crm/code.html"), "utf8")).toContain("some code");
  });
});

describe("files named like their folder", () => {
  it("copies docs/elements/x/x.json to the site as content instead of reading it as directory data", async () => {
    const { out, result } = await buildWith({ "docs/elements/tidewater-crm/tidewater-crm.json": '{"title": "not data"}' });
    expect(result.code).toBe(0);
    expect(fs.readFileSync(path.join(out, "docs/elements/tidewater-crm/tidewater-crm.json"), "utf8")).toBe('{"title": "not data"}');
    expect(fs.readFileSync(path.join(out, "docs/elements/tidewater-crm/index.html"), "utf8")).not.toContain("not data");
  });
});

describe("mistakes in layouts", () => {
  it("a Liquid syntax error in the tree's own layout fails the build with the layout's file and line", async () => {
    const { result } = await buildWith({
      "_layouts/broken.liquid": "<main>\n{% if %}\n{{ content }}\n</main>\n",
      "docs/elements/tidewater-crm/odd.md": "---\ntitle: Odd\nlayout: broken\n---\n\nHello\n",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/_layouts\/broken\.liquid:2:\d+: error liquid-syntax/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("command line mistakes", () => {
  it("an unknown option or report format exits 2 with the usage, not a stack trace", async () => {
    const unknown = await runCli("build.ts", ["--bogus"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Usage: npm run build");
    const format = await runCli("build.ts", ["--format", "nope"]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be one of human, json, github, not "nope"');
    expect(format.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("a build that fails its checks while pages are still being indexed", () => {
  it("prints its own report and nothing of the search indexer stopping under it", async () => {
    // Enough pages that some are still on their way to Pagefind's process when the checks fail.
    const pages: Record<string, string> = {};
    for (let i = 0; i < 200; i++) {
      pages[`docs/many/page-${i}.md`] = `---\ntitle: Page ${i}\nlayout: page\n---\n\n${`Words of page ${i} to index, ${i} times over. `.repeat(3000)}\n`;
    }
    pages["docs/many/page-0.md"] += "\nA [broken link](nope.html).\n";
    const { result } = await buildWith(pages);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/docs\/many\/page-0\.md:8:\d+: error link-broken: Broken link "nope\.html"/);
    expect(result.stderr).not.toMatch(/ERR_STREAM_DESTROYED|panicked|\n\s+at /);
  });
});

describe("a build whose Pagefind process cannot run", () => {
  it("says once that the process stopped, why, and what to do: no stack trace, nothing written", async () => {
    const tree = jekyllCompatTree();
    const out = path.join(tree, "_site");
    // A binary that is not there, and one that stops at once, as a crashed Pagefind does.
    const missing = path.join(tree, "no-such-pagefind");
    const stops = path.join(tree, "stopping-pagefind.sh");
    fs.writeFileSync(stops, "#!/bin/sh\nexit 3\n", { mode: 0o755 });
    for (const binary of [missing, stops]) {
      const result = await runCli("build.ts", ["--source", tree, "--out", out], { PAGEFIND_BINARY_PATH: binary });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^Pagefind could not build the search index: its process stopped before the index was written/m);
      expect(result.stderr).toContain(`hint: PAGEFIND_BINARY_PATH is set (${binary})`);
      // Pagefind's API printed "Service stopped" with a stack for each message that could not reach it.
      expect(result.stderr).not.toMatch(/Service stopped|\[object Object\]|\n\s+at /);
      expect(fs.existsSync(out)).toBe(false);
    }
  });
});
