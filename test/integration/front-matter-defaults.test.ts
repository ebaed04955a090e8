// `_config.yml`'s `defaults:` give pages front matter, as in Jekyll: a legacy tree that sets its authors or layouts
// there builds as it did.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jekyllCompatConfig, jekyllCompatTree, writeFiles } from "../support/fixture-tree.ts";
import { HtmlPage } from "../support/html-page.ts";
import { buildWithFiles } from "../support/built-tree.ts";
import { runCli, type CliResult } from "../support/run-cli.ts";

let tree: string;
let result: CliResult;
const out = () => path.join(tree, "_site");

beforeAll(async () => {
  tree = jekyllCompatTree();
  fs.appendFileSync(
    path.join(tree, "_config.yml"),
    ["defaults:", "  - scope:", '      path: ""', "    values:", "      author: Everyone", "  - scope:", "      path: docs/guides", "    values:", "      author: Docs Team", "      reviewed: yes-by-nobody", "      layout: page", ""].join("\n"),
  );
  writeFiles(tree, {
    "docs/guides/setup.md": "---\ntitle: Setup\n---\n\nWritten by {{ page.author }}.\n",
    "docs/guides/own.md": "---\ntitle: Own\nauthor: Ana\n---\n\nWritten by {{ page.author }}.\n",
    "docs/about.md": "---\ntitle: About\n---\n\nWritten by {{ page.author }}.\n",
    "docs/guides/empty.md": "---\ntitle: Empty\nauthor:\n---\n\nWritten by {{ page.author }}.\n",
    // `layout: null`, Jekyll's way to write a file without a layout, stays so under a default layout.
    "docs/guides/plain.txt": "---\nlayout: null\n---\nPlain text by {{ page.author }}.\n",
  });
  result = await runCli("build.ts", ["--source", tree, "--out", out()]);
}, 120_000);

afterAll(() => {
  if (tree) fs.rmSync(tree, { recursive: true, force: true });
});

describe("front matter defaults", () => {
  it("give each page the values of the most specific scope, under its own front matter", () => {
    expect(result.code, result.stderr).toBe(0);
    const said = (file: string) => HtmlPage.read(out(), file).text("article p");
    expect(said("docs/guides/setup.html")).toBe("Written by Docs Team.");
    expect(said("docs/guides/own.html")).toBe("Written by Ana.");
    expect(said("docs/about.html")).toBe("Written by Everyone.");
    // A key left empty keeps the default, as Jekyll merges nil.
    expect(said("docs/guides/empty.html")).toBe("Written by Docs Team.");
    expect(fs.readFileSync(path.join(out(), "docs/guides/plain.txt"), "utf8")).toBe("Plain text by Docs Team.\n");
  });

  it("do not make each page in their scope warn about a default key that nothing reads", () => {
    expect(result.stderr).not.toContain("reviewed");
    expect(result.stderr).not.toContain("front-matter-unknown-key");
  });

  it("that are not a list of scope: and values: entries are an error in _config.yml", async () => {
    const bad = jekyllCompatTree();
    try {
      fs.appendFileSync(path.join(bad, "_config.yml"), "defaults:\n  scope:\n    path: docs\n");
      const checked = await runCli("check.ts", ["--source", bad]);
      expect(checked.code).toBe(1);
      expect(checked.stderr).toMatch(/^_config\.yml:\d+: error config-value: defaults: must be a list of scope: and values: entries/m);
    } finally {
      fs.rmSync(bad, { recursive: true, force: true });
    }
  }, 120_000);

  it("with an entry they cannot use are an error at that entry's line", async () => {
    const block = "defaults:\n  - scope:\n      path: docs\n    values:\n      owner: docs\n\n  # the next one lost its values\n  - scope:\n      path: guides\n";
    const { result, blockLine } = await buildWithDefaults(block, {}, []);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`_config.yml:${blockLine + 7}: error config-value: defaults: entry 2 needs a scope: and values: mapping`);
  }, 120_000);

  it("that give pages an unknown layout are one error at that line of _config.yml, naming the pages", async () => {
    const block = 'defaults:\n  - scope:\n      path: docs/guides\n    values:\n      layout: "guide-v1"\n';
    const { result, blockLine } = await buildWithDefaults(
      block,
      { "docs/guides/one.md": "---\ntitle: One\n---\n\nONE-TEXT\n", "docs/guides/two.md": "---\ntitle: Two\n---\n\nTWO-TEXT\n" },
      ["--format", "json"],
    );
    expect(result.code).toBe(1);
    const reported = (JSON.parse(result.stdout) as { diagnostics: Array<{ file: string; line?: number; code: string; chains?: string[][]; chain?: string[] }> }).diagnostics.filter(
      (d) => d.code === "unknown-layout",
    );
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ file: "_config.yml", line: blockLine + 4 });
    expect((reported[0].chains ?? [reported[0].chain]).flat().sort()).toEqual(["docs/guides/one.md", "docs/guides/two.md"]);
  }, 120_000);
});

/** Builds the fixture tree with `block` (a `defaults:`) added to its _config.yml, and `files`; `blockLine` is the line of `defaults:`. */
async function buildWithDefaults(block: string, files: Record<string, string>, args: string[]) {
  const config = jekyllCompatConfig();
  const built = await buildWithFiles({ "_config.yml": `${config}\n${block}`, ...files }, {}, args);
  return { result: built.result, blockLine: `${config}\n`.split("\n").length };
}
