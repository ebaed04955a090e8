// The render threads are an optimisation only: a site built with them is byte for byte the site built without.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/generate-corpus.ts";
import { REPO_ROOT, runCli } from "../support/run-cli.ts";
import { treeDigest } from "../support/tree-digest.ts";

async function builtWith(source: string, out: string, workers: number): Promise<{ files: Record<string, string>; stderr: string }> {
  const result = await runCli("build.ts", ["--source", source, "--out", out, "--workers", String(workers)]);
  expect(result.code, result.stderr).toBe(0);
  return { files: treeDigest(out), stderr: result.stderr };
}

/** The pages of the zoned tree below, filled in as it is made. */
const zoned: string[] = [];

describe("render threads", () => {
  it.each([
    ["a generated element-guide tree", (work: string) => (generateCorpus(path.join(work, "tree"), { pages: 120 }), path.join(work, "tree")), undefined],
    ["the legacy portal fixture", () => path.join(REPO_ROOT, "test/fixtures/legacy-portal"), undefined],
    [
      "a tree with times written in their zones",
      (work: string) => {
        const tree = path.join(work, "tree");
        // Big enough that the threads, which start after the main thread, render some of its pages.
        generateCorpus(tree, { pages: 300 });
        fs.mkdirSync(path.join(tree, "_data"), { recursive: true });
        fs.writeFileSync(path.join(tree, "_data/calls.yml"), "- at: 2024-03-05T02:00:00+09:00\n- at: 2024-03-05T02:00:00Z\n");
        // Every page prints times written in zones, of its own and of _data: some are rendered in each thread.
        for (const file of fs.readdirSync(path.join(tree, "docs"), { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".md"))) {
          const text = fs.readFileSync(path.join(tree, "docs", file), "utf8");
          if (!text.startsWith("---\n")) continue;
          const printed = "\n\nAt {{ page.when }}.{% for c in site.data.calls %} {{ c.at }}{% endfor %}\n";
          fs.writeFileSync(path.join(tree, "docs", file), `---\nwhen: 2024-03-05T02:00:00+09:00\n${text.slice(4)}${printed}`);
          zoned.push(`docs/${file.replace(/\.md$/, ".html")}`);
        }
        return tree;
      },
      // Each time in the zone it was written in, from the page and from _data, in the threads as here.
      { files: zoned, text: "At 2024-03-05 02:00:00 +0900. 2024-03-05 02:00:00 +0900 2024-03-05 02:00:00 UTC" },
    ],
  ] as const)("write the same files as the main thread alone for %s", async (_name, source, written) => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-threads-"));
    const tree = source(work);
    const alone = await builtWith(tree, path.join(work, "alone"), 0);
    const threaded = await builtWith(tree, path.join(work, "threaded"), 2);
    expect(Object.keys(alone.files).length).toBeGreaterThan(100);
    expect(threaded.files).toEqual(alone.files);
    // The same diagnostics, too.
    expect(threaded.stderr).toBe(alone.stderr);
    if (written) expect(written.files.length).toBeGreaterThan(10);
    for (const file of written?.files ?? []) expect([file, fs.readFileSync(path.join(work, "threaded", file), "utf8").includes(written!.text)]).toEqual([file, true]);
    fs.rmSync(work, { recursive: true, force: true });
  }, 120_000);
});
