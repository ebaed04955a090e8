// A file whose name is not UTF-8 (a Windows or Latin-1 archive unpacked as it was) cannot be opened by the name Node
// lists it under: the build and the preview say so at the file, with what to do, and go on without it.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jekyllCompatTree } from "../support/fixture-tree.ts";
import { PreviewHarness } from "../support/preview-session.ts";
import { runCli } from "../support/run-cli.ts";

let tree: string;

beforeAll(() => {
  tree = jekyllCompatTree();
  // "docs/odd\xff.md": the byte 0xFF is never part of UTF-8.
  const name = Buffer.concat([Buffer.from(path.join(tree, "docs", "odd")), Buffer.from([0xff]), Buffer.from(".md")]);
  fs.writeFileSync(name, "---\ntitle: Odd\n---\n\nA page with an odd name.\n");
  // "docs/caf\xe9/guide.md": a folder named in Latin-1.
  const folder = Buffer.concat([Buffer.from(path.join(tree, "docs", "caf")), Buffer.from([0xe9])]);
  fs.mkdirSync(folder);
  fs.writeFileSync(Buffer.concat([folder, Buffer.from("/guide.md")]), "---\ntitle: In an odd folder\n---\n\nText.\n");
});

afterAll(() => {
  if (tree) fs.rmSync(tree, { recursive: true, force: true });
});

describe("a file whose name is not UTF-8", () => {
  it("fails the build with file-unreadable at the file and a hint, and no stack trace", async () => {
    const result = await runCli("build.ts", ["--source", tree, "--out", path.join(tree, "_site")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("docs/odd\uFFFD.md: error file-unreadable: The file's name is not UTF-8");
    expect(result.stderr).toContain("hint: Rename the file");
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it("in a folder whose name is not UTF-8 is reported at the folder, not dropped without a word", async () => {
    const result = await runCli("check.ts", ["--source", tree]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("docs/caf\uFFFD: error folder-unreadable: The folder docs/caf\uFFFD has a name that is not UTF-8");
    expect(result.stderr).toContain("hint: Rename the folder in UTF-8");
  });

  it("is shown as a problem by the preview, which serves the other pages", async () => {
    const preview = await PreviewHarness.open(tree);
    try {
      await preview.settle();
      expect(preview.printed.map((problem) => `${problem.file} ${problem.code}`)).toContain("docs/odd\uFFFD.md file-unreadable");
      expect(await preview.page("docs/elements/tidewater-crm/events.html")).toContain("<h1");
    } finally {
      preview.close();
    }
  });
});
