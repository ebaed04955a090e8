// The preview serves a page as soon as it is asked for, before the rest of the site is rendered: a page far
// away that takes seconds to render, or one that cannot be read, does not hold the home page back.
import fs from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { jekyllCompatTree, writeFiles } from "../support/fixture-tree.ts";
import { PreviewProcess } from "./preview-process.ts";

const SLOW_SECONDS = 6;
let tree: string;
let preview: PreviewProcess;

beforeAll(async () => {
  tree = jekyllCompatTree();
  writeFiles(tree, {
    // A filter that keeps the thread busy, as a very long page (or a slow plugin) would.
    "_plugins/slow.mjs": `export default function (plugin) {
  plugin.filter("slowly", (value) => {
    const until = Date.now() + ${SLOW_SECONDS * 1000};
    while (Date.now() < until);
    return value;
  });
}
`,
    "docs/zz/slow.md": '---\ntitle: Slow\n---\n\n# Slow\n\n{{ "Rendered at last." | slowly }}\n',
    "docs/zz/broken.md": "---\ntitle: [Broken\n---\n\n# Broken\n",
  });
  preview = await PreviewProcess.start(tree);
});

afterAll(async () => {
  await preview?.stop();
  if (tree) fs.rmSync(tree, { recursive: true, force: true });
});

it("serves the home page before it renders the rest of the site", async () => {
  const home = await preview.fetch("/");
  expect(home.status).toBe(200);
  expect(home.html).toContain("</html>");
  expect(home.html).not.toContain("data-element-guides-error");
  // The slow page is not rendered yet, so neither is the whole site.
  expect(preview.stdout).not.toContain("Preview writes docs/zz/slow.html");
  expect(preview.stdout).not.toMatch(/^Preview: .* up to date/m);
});

it("renders the slow page in the background, and shows the page that cannot be read as an error at its address", async () => {
  const slow = await preview.waitForPage("/docs/zz/slow.html", "its text", (html) => html.includes("Rendered at last."));
  expect(slow).toContain("<h1");
  const broken = await preview.fetch("/docs/zz/broken.html");
  expect(broken.html).toContain("data-element-guides-error");
  expect(broken.html).toContain("Front matter is not valid YAML");
});
