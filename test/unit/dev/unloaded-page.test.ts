// Where a page whose front matter does not load shows its error page: at its file name's address, and at the
// permalink its front matter's lines still give.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { unloadedOutputPaths } from "../../../src/dev/unloaded-page.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-unloaded-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const pathsFor = (text: string) => {
  fs.writeFileSync(path.join(dir, "guide.md"), text);
  return unloadedOutputPaths(dir, "guide.md", ["md"]);
};

it.each([
  ["a pretty URL", "---\ntitle: [Guide\npermalink: /guide/\n---\n", ["guide.html", "guide/index.html"]],
  ["a quoted one with a comment", "---\npermalink: '/api/guide.html' # moved\ntitle: [x\n---\n", ["guide.html", "api/guide.html"]],
  ["one never closed", "---\ntitle: [Guide\npermalink: /guide/\n", ["guide.html", "guide/index.html"]],
  ["placeholders", "---\ntitle: [x\npermalink: /:path/\n---\n", ["guide.html"]],
  ["a path out of the site", "---\ntitle: [x\npermalink: /../x/\n---\n", ["guide.html"]],
  ["a permalink below the front matter", "---\ntitle: [x\n---\npermalink: /body/\n", ["guide.html"]],
  ["no front matter", "permalink: /body/\n", ["guide.html"]],
])("%s", (_, text, expected) => {
  expect(pathsFor(text)).toEqual(expected);
});
