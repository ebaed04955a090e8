// The highlight cache survives between builds (and between CI runs, restored from whichever run saved last):
// whatever an older run left in it must never change a page.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { highlightCacheFile, writeHighlightCache } from "../../../../src/markdown/highlight/persistent-cache.ts";
import { buildSite } from "../../../../src/build/build-site.ts";
import { writeFiles } from "../../../support/fixture-tree.ts";

const POISON = "<pre>SAVED-BY-ANOTHER-VERSION</pre>";

const tree = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-highlight-cache-"));
writeFiles(tree, {
  "index.md": '---\ntitle: T\nlayout: none\n---\n```json\n{"id": 12345}\n```\n\n```sh\ncurl -X GET https://api.test/contacts\n```\n',
});

/** The HTML of the tree's page, built with the highlight cache in `cacheDir`. */
async function pageWith(cacheDir: string): Promise<string> {
  const build = await buildSite({ sourceDir: tree, workers: 0, cacheDir });
  expect(build.diagnostics.items.filter((d) => d.severity === "error")).toEqual([]);
  return build.outputs.find((o) => o.outputPath === "index.html")!.html;
}

const emptyCacheDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-cache-dir-"));

let coldPage: string;
/** The entries a cold build saved, each with its HTML replaced by POISON. */
let poisoned: Array<[string, string]>;

beforeAll(async () => {
  const cacheDir = emptyCacheDir();
  coldPage = await pageWith(cacheDir);
  const saved = JSON.parse(fs.readFileSync(highlightCacheFile(cacheDir), "utf8")) as Array<[string, string]>;
  expect(saved).toHaveLength(2);
  poisoned = saved.map(([key]) => [key, POISON]);
});

/** A cache folder holding one file under `name` with `content`. */
function cacheDirWith(name: string, content: string): string {
  const cacheDir = emptyCacheDir();
  writeFiles(cacheDir, { [path.join("highlight", name)]: content });
  return cacheDir;
}

describe("the highlight cache", () => {
  it("names the cache format, Shiki, its tokenizer and regex translator, and both themes", () => {
    const name = path.basename(highlightCacheFile(emptyCacheDir()));
    for (const part of [/^format-\d+_/, /_shiki@\d+\.\d+\.\d+_/, /_@shikijs_vscode-textmate@\d/, /_oniguruma-to-es@\d/, /_github-light_/, /_github-dark\.json$/]) {
      expect(name).toMatch(part);
    }
  });

  it.each([
    ["an older cache format", (name: string) => name.replace(/^format-\d+_/, "format-1_")],
    ["another Shiki version", (name: string) => name.replace(/_shiki@[^_]+_/, "_shiki@0.0.1_")],
    ["another tokenizer version", (name: string) => name.replace(/vscode-textmate@[^_]+_/, "vscode-textmate@0.0.1_")],
    ["another regex translator version", (name: string) => name.replace(/oniguruma-to-es@[^_]+_/, "oniguruma-to-es@0.0.1_")],
    ["another dark theme", (name: string) => name.replace(/_github-dark\.json$/, "_github-dimmed.json")],
    ["the name used before the format was versioned", () => "shiki@4.6.0_js-engine_untimed_github-light_github-dark.json"],
  ])("never lets an entry saved under %s reach a page, and deletes it", async (_what, olderName) => {
    const name = olderName(path.basename(highlightCacheFile(emptyCacheDir())));
    const cacheDir = cacheDirWith(name, JSON.stringify(poisoned));
    expect(await pageWith(cacheDir)).toBe(coldPage);
    expect(fs.readdirSync(path.join(cacheDir, "highlight"))).toEqual([path.basename(highlightCacheFile(cacheDir))]);
  });

  it.each([
    ["cut short", () => JSON.stringify(poisoned).slice(0, 30)],
    ["not a list", () => JSON.stringify({ entries: poisoned })],
    ["entries of the wrong shape", () => JSON.stringify([[poisoned[0]![0]], [poisoned[1]![0], 7], "x", null])],
  ])("highlights again when the current file is damaged: %s", async (_what, content) => {
    const current = path.basename(highlightCacheFile(emptyCacheDir()));
    expect(await pageWith(cacheDirWith(current, content()))).toBe(coldPage);
  });

  // The control for the tests above: they would fail if a file were read. Last, because the highlighter is one
  // per process and seeding adds to it: after this, the poisoned entries stay in it.
  it("is read under the current key: a warm build takes saved HTML as it is", async () => {
    const current = path.basename(highlightCacheFile(emptyCacheDir()));
    expect(await pageWith(cacheDirWith(current, JSON.stringify(poisoned)))).toContain(POISON);
  });
});

describe("the highlight cache's write", () => {
  it("leaves no half-written file when the cache cannot take its place (a folder there)", () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-cache-write-"));
    const file = highlightCacheFile(cacheDir);
    fs.mkdirSync(file, { recursive: true });
    expect(() => writeHighlightCache(cacheDir, [["key", "<pre>html</pre>"]])).toThrow();
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
  });

  it("removes what a build killed while writing left, but not the file another build is writing now", () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-cache-leftover-"));
    const file = highlightCacheFile(cacheDir);
    const killed = `${file}.tmp-4001`;
    const writing = `${file}.tmp-4002`;
    writeFiles(cacheDir, { [path.relative(cacheDir, killed)]: '[["key", "<pre>ha', [path.relative(cacheDir, writing)]: '[["key", "<pre>ht' });
    const anHourAgo = new Date(Date.now() - 3_600_000);
    fs.utimesSync(killed, anHourAgo, anHourAgo);
    writeHighlightCache(cacheDir, [["key", "<pre>html</pre>"]]);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual([path.basename(file), path.basename(writing)].sort());
  });
});
