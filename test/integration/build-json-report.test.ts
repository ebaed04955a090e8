// `npm run build -- --format json` is for piping into another tool: stdout holds the JSON report and nothing else,
// whether the build passes or fails; the lines for people go to stderr.
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { jekyllCompatTree, writeFiles } from "../support/fixture-tree.ts";
import { runCli } from "../support/run-cli.ts";

const trees: string[] = [];
afterAll(() => {
  for (const tree of trees) fs.rmSync(tree, { recursive: true, force: true });
});

async function buildJson(files: Record<string, string>) {
  const tree = jekyllCompatTree();
  trees.push(tree);
  writeFiles(tree, files);
  return runCli("build.ts", ["--source", tree, "--out", path.join(tree, "_site"), "--format", "json"]);
}

describe("build --format json", () => {
  it("prints the report on stdout when the build passes without a problem, with the page count", async () => {
    const result = await buildJson({});
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ errorCount: 0, warningCount: 0, diagnostics: [] });
    expect(report.pageCount).toBeGreaterThan(5);
    expect(result.stderr).toMatch(/^Built \d+ pages in /m);
  }, 120_000);

  it("prints the report on stdout when the build fails, and says on stderr that nothing was written", async () => {
    const result = await buildJson({ "docs/broken.md": "---\ntitle: Broken\n---\n\n[Gone](/docs/no-such-page.html)\n" });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.errorCount).toBe(1);
    expect(report.diagnostics).toEqual([expect.objectContaining({ file: "docs/broken.md", line: 5, code: "link-broken", severity: "error" })]);
    expect(result.stderr).toContain("Build failed: nothing was written");
  }, 120_000);

  it("keeps what a tree's plugin prints with console.log off stdout, on stderr", async () => {
    const result = await buildJson({
      "_plugins/chatty.mjs": 'export default (plugin) => { console.log("PLUGIN-LOADED"); plugin.filter("shout", (value) => { console.info("FILTER-RAN"); return String(value).toUpperCase(); }); };\n',
      "docs/loud.md": "---\ntitle: Loud\n---\n\n{{ 'quiet' | shout }}\n",
    });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ errorCount: 0 });
    expect(result.stderr).toContain("PLUGIN-LOADED");
    expect(result.stderr).toContain("FILTER-RAN");
  }, 120_000);
});
