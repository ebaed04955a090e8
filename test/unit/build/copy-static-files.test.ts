import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { copyStaticFiles } from "../../../src/build/copy-static-files.ts";
import type { StaticFile } from "../../../src/render/static-files.ts";
import { REPO_ROOT } from "../../support/run-cli.ts";

const OURS = ["assets/css/site.css", "assets/js/site.js", "assets/js/theme.js", "assets/favicon.svg"];
const WRITERS_SCRIPT = "/* kept as written */\nconst  answer = 42;\n";
const WRITERS_STYLE = "/* kept as written */\n.x  {  color: red;  }\n";

let tree: string;
let files: StaticFile[];
const read = (out: string, rel: string) => fs.readFileSync(path.join(out, rel), "utf8");
const source = (rel: string) => fs.readFileSync(path.join(REPO_ROOT, rel), "utf8");
const newOutput = () => fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-static-"));

beforeAll(() => {
  tree = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-tree-"));
  fs.mkdirSync(path.join(tree, "docs"));
  fs.writeFileSync(path.join(tree, "docs/example.js"), WRITERS_SCRIPT);
  fs.writeFileSync(path.join(tree, "docs/example.css"), WRITERS_STYLE);
  files = [
    ...OURS.map((rel) => ({ from: path.join(REPO_ROOT, rel), to: rel })),
    { from: path.join(tree, "docs/example.js"), to: "docs/example.js" },
    { from: path.join(tree, "docs/example.css"), to: "docs/example.css" },
  ];
});

describe("copyStaticFiles", () => {
  it("writes our stylesheets and scripts minified, with every custom property and every string of the source", async () => {
    const out = newOutput();
    await copyStaticFiles(files, out);
    for (const rel of ["assets/css/site.css", "assets/js/site.js", "assets/js/theme.js"]) {
      const minified = read(out, rel);
      expect(minified.length, rel).toBeLessThan(source(rel).length * 0.75);
      expect(minified, rel).not.toMatch(/\/\*|\n\s/);
    }
    const properties = (css: string) => new Set(css.match(/--[\w-]+(?=\s*:)/g));
    expect(properties(read(out, "assets/css/site.css"))).toEqual(properties(source("assets/css/site.css")));
    const script = read(out, "assets/js/site.js");
    expect(() => new vm.Script(script)).not.toThrow();
    for (const [, text] of source("assets/js/site.js").matchAll(/"([\w-]{4,})"/g)) expect(script).toContain(text);
  });

  it("copies our other assets and a tree's own CSS and JavaScript byte for byte", async () => {
    const out = newOutput();
    await copyStaticFiles(files, out);
    expect(read(out, "assets/favicon.svg")).toBe(source("assets/favicon.svg"));
    expect(read(out, "docs/example.js")).toBe(WRITERS_SCRIPT);
    expect(read(out, "docs/example.css")).toBe(WRITERS_STYLE);
  });

  it("writes the same bytes every time, leaves a current output untouched and replaces a stale one", async () => {
    const first = newOutput();
    const second = newOutput();
    await copyStaticFiles(files, first);
    await copyStaticFiles(files, second);
    for (const { to } of files) expect(read(second, to), to).toBe(read(first, to));

    const target = path.join(first, "assets/css/site.css");
    const old = new Date("2020-01-01T00:00:00Z");
    fs.utimesSync(target, old, old);
    await copyStaticFiles(files, first);
    expect(fs.statSync(target).mtime).toEqual(old);

    fs.writeFileSync(target, "stale");
    await copyStaticFiles(files, first);
    expect(read(first, "assets/css/site.css")).toBe(read(second, "assets/css/site.css"));
  });
});
