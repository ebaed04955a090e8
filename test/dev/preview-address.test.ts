// The preview prints its address at once, before it has loaded the tree: a browser opened then waits for its
// page rather than for the address.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { jekyllCompatTree, writeFiles } from "../support/fixture-tree.ts";
import { PreviewProcess } from "./preview-process.ts";

const LOAD_SECONDS = 3;
let tree: string;
let markers: string;
let preview: PreviewProcess | undefined;

beforeAll(() => {
  tree = jekyllCompatTree();
  markers = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-preview-address-"));
  writeFiles(tree, {
    // A site value that takes seconds to compute, as a large tree takes to load; it says when it is done.
    "_plugins/slow-load.mjs": `import fs from "node:fs";
export default function (plugin) {
  plugin.site("loadedAt", () => {
    const until = Date.now() + ${LOAD_SECONDS * 1000};
    while (Date.now() < until);
    fs.writeFileSync(${JSON.stringify(path.join(markers, "loaded"))}, "");
    return until;
  });
}
`,
  });
});

afterAll(async () => {
  await preview?.stop();
  for (const dir of [tree, markers]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

it("prints its address before the tree has loaded, and serves a page asked for then once it has", async () => {
  preview = await PreviewProcess.start(tree);
  expect(fs.existsSync(path.join(markers, "loaded"))).toBe(false);
  const home = await preview.fetch("/");
  expect(home.status).toBe(200);
  expect(home.html).toContain("</html>");
  expect(home.html).not.toContain("data-element-guides-error");
  expect(fs.existsSync(path.join(markers, "loaded"))).toBe(true);
});

it("sends the base path without its last slash to the site's home page, as a static host does", async () => {
  const based = await PreviewProcess.start(tree, { base: "/guides/" });
  try {
    const bare = await fetch(new URL("/guides", based.url), { redirect: "manual" });
    expect(bare.status).toBe(302);
    expect(bare.headers.get("location")).toBe("/guides/");
    expect((await based.fetch("/guides/")).status).toBe(200);
  } finally {
    await based.stop();
  }
});
