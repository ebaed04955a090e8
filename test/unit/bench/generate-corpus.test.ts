// The longer corpus the sharded bench merges must differ from the normal one only in the length of its pages:
// the same pages, front matter and links, so that a merge of each does the same work but for the text.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateCorpus, type CorpusShape } from "../../../bench/generate-corpus.ts";
import { runCli } from "../../support/run-cli.ts";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-corpus-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function generated(name: string, shape: CorpusShape): Map<string, string> {
  const root = path.join(work, name);
  generateCorpus(root, shape);
  const files = (fs.readdirSync(root, { recursive: true }) as string[]).filter((file) => fs.statSync(path.join(root, file)).isFile());
  return new Map(files.sort().map((file) => [file, fs.readFileSync(path.join(root, file), "utf8")]));
}

const frontMatter = (text: string) => text.slice(0, text.indexOf("\n---\n", 4));
const links = (text: string) => [...text.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1]);
const headings = (text: string) => text.split("\n").filter((line) => line.startsWith("#"));
const totalBytes = (tree: Map<string, string>) => [...tree.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0);

describe("generated corpus with longer pages", () => {
  const normal = generated("normal", { pages: 60 });
  const longer = generated("longer", { pages: 60, extraParagraphs: 4 });

  it("has the same pages with the same front matter, headings and links", () => {
    expect([...longer.keys()]).toEqual([...normal.keys()]);
    for (const [file, text] of normal) {
      const other = longer.get(file)!;
      expect(frontMatter(other), file).toBe(frontMatter(text));
      expect(headings(other), file).toEqual(headings(text));
      expect(links(other), file).toEqual(links(text));
    }
  });

  it("makes pages about four times as long, with text that differs from page to page", () => {
    const ratio = totalBytes(longer) / totalBytes(normal);
    expect(ratio).toBeGreaterThan(3.5);
    expect(ratio).toBeLessThan(4.5);
    const overview = longer.get(path.join("docs/elements/element-00000/index.md"))!;
    const nextOverview = longer.get(path.join("docs/elements/element-00001/index.md"))!;
    const firstProse = (text: string) => text.split("\n\n").find((block) => block.includes("`field_"));
    expect(firstProse(overview)).toBeDefined();
    expect(firstProse(overview)).not.toBe(firstProse(nextOverview));
  });

  it("writes the same tree every time", () => {
    expect(generated("again", { pages: 60, extraParagraphs: 4 })).toEqual(longer);
    expect(generated("default", { pages: 60, extraParagraphs: 0 })).toEqual(normal);
  });
});

describe("generated corpus of any size", () => {
  // 3 pages: one element, short of its ten; 11: a full element, then one of a single page (as 601 pages end).
  it.each([3, 11])("of %i pages builds with every link and anchor found", async (pages) => {
    const root = path.join(work, `size-${pages}`);
    generateCorpus(root, { pages });
    const result = await runCli("build.ts", ["--source", root, "--out", path.join(work, `size-${pages}-site`)]);
    expect(result.stderr).not.toMatch(/link-broken|anchor/);
    expect(result.code, result.stderr).toBe(0);
  }, 60_000);

  it("leaves full elements as they were: only a last, shorter element's links change", () => {
    const full = generated("twenty", { pages: 20 });
    const short = generated("eleven", { pages: 11 });
    for (const [file, text] of short) if (!file.includes("element-00001")) expect(text, file).toBe(full.get(file));
    // The single page of the last element links to itself, not to a second page it does not have.
    expect(links(short.get(path.join("docs/elements/element-00001/index.md"))!)[0]).toMatch(/^index\.html#overview-step-1$/);
  });
});
