// The preview watches the whole tree as Jekyll reads it: a post in _posts/, a page in a folder of its own
// (search/) and the tree's own 404.html show a save too (they were outside the watch list of the Eleventy days),
// and so does a save made before the watcher has started.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { copyTree } from "../support/fixture-tree.ts";
import { REPO_ROOT } from "../support/run-cli.ts";
import { PreviewProcess } from "./preview-process.ts";

let tree: string;
let preview: PreviewProcess;

beforeAll(async () => {
  tree = copyTree(path.join(REPO_ROOT, "test/fixtures/legacy-portal"));
  preview = await PreviewProcess.start(tree);
});

afterAll(async () => {
  await preview?.stop();
  if (tree) fs.rmSync(tree, { recursive: true, force: true });
});

it("shows a save made as soon as the preview prints its address, before its watcher has started", async () => {
  // The tree was read before the address was printed; the watcher starts a moment later and catches up then.
  fs.appendFileSync(path.join(tree, "about.markdown"), "\nSaved at once.\n");
  const html = await preview.waitForPage("/about.html", "the early save", (text) => text.includes("Saved at once."));
  expect(html).toContain("Saved at once.");
});

const cases: Array<[string, string, string, number]> = [
  ["a post in _posts/", "_posts/2016-01-12-release-1.md", "/2016/01/12/release-1.html", 200],
  ["a page in search/", "search/index.md", "/search/", 200],
  ["the tree's own 404.html", "404.html", "/docs/no-such-page.html", 404],
];

for (const [what, file, url, status] of cases) {
  it(`shows a save of ${what}`, async () => {
    const before = await preview.fetch(url);
    expect(before.status).toBe(status);
    const marker = `Saved-${path.basename(file).replace(/\W/g, "")}`;
    fs.appendFileSync(path.join(tree, file), `\n<p>${marker}</p>\n`);
    const html = await preview.waitForPage(url, marker, (text) => text.includes(marker));
    expect(html).toContain(marker);
    expect((await preview.fetch(url)).status).toBe(status);
  });
}
