// Nothing outside the source tree is read or published (issue 11): every kind of file the build reads or copies is
// checked at its real path, so a symlink cannot carry a file from elsewhere on the machine into the site.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { jekyllCompatTree, writeFiles } from "../support/fixture-tree.ts";
import { runCli } from "../support/run-cli.ts";

/** What no build may publish; it exists only in files outside every tree. */
const MARKER = `OUTSIDE-THE-TREE-${process.pid}-${Date.now()}`;
const OUTSIDE = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-outside-"));
writeFiles(OUTSIDE, {
  "secret.md": `---\ntitle: ${MARKER}\nlayout: none\n---\n${MARKER}\n`,
  "secret.yml": `value: ${MARKER}\ntitle: ${MARKER}\n`,
  "secret.html": `<p>${MARKER}</p>{{ content }}`,
  "folder/page.md": `---\ntitle: ${MARKER}\nlayout: none\n---\n${MARKER}\n`,
});
const secret = (name: string) => path.join(OUTSIDE, name);

/** A tree in a fresh temporary folder: `files` as written, `links` as symlinks (path in the tree -> target). */
function makeTree(files: Record<string, string>, links: Record<string, string>, dir = tempDir()): string {
  writeFiles(dir, files);
  for (const [link, target] of Object.entries(links)) {
    fs.mkdirSync(path.dirname(path.join(dir, link)), { recursive: true });
    fs.symlinkSync(target, path.join(dir, link));
  }
  return dir;
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-symlinks-"));
}

const page = (body: string, front = "title: T\nlayout: none") => `---\n${front}\n---\n${body}\n`;

/** Builds in memory; `published` is every page written and the content of every file the site would copy. */
async function build(files: Record<string, string>, links: Record<string, string>) {
  const result = await buildSite({ sourceDir: makeTree(files, links), workers: 0, cacheDir: false });
  const published = [...result.outputs.map((o) => o.html), ...result.staticFiles.map((f) => fs.readFileSync(f.from, "utf8"))];
  return { ...result, published };
}

/** The build reports the link with its target, as an error with a hint, and publishes nothing of the target. */
function expectRefused(
  result: Awaited<ReturnType<typeof build>>,
  expected: { file: string; line?: number; code: string; names: string[] },
): Diagnostic {
  const found = result.diagnostics.items.find((d) => d.file === expected.file && d.code === expected.code);
  expect(found, JSON.stringify(result.diagnostics.items, null, 2)).toBeDefined();
  expect(found!.severity).toBe("error");
  if (expected.line !== undefined) expect(found!.line).toBe(expected.line);
  for (const name of expected.names) expect(found!.message).toContain(name);
  expect(found!.hint).toBeTruthy();
  expect(JSON.stringify(result.diagnostics.items)).not.toContain(MARKER);
  for (const text of result.published) expect(text).not.toContain(MARKER);
  return found!;
}

describe("a symlink that leads outside the source tree is an error, and its target is neither read nor published", () => {
  it("an include: the error stands at the include tag and names the link and its target", async () => {
    const result = await build({ "docs/p.md": page("{% include leak.md %}") }, { "_includes/leak.md": secret("secret.md") });
    const found = expectRefused(result, { file: "docs/p.md", line: 5, code: "liquid-include", names: ["_includes/leak.md", secret("secret.md")] });
    expect(found.hint).toContain("copy of the file");
  });

  it("an include through a symlinked folder", async () => {
    const result = await build({ "docs/p.md": page("{% include shared/secret.md %}") }, { "_includes/shared": OUTSIDE });
    expectRefused(result, { file: "docs/p.md", line: 5, code: "liquid-include", names: ["_includes/shared/secret.md", secret("secret.md")] });
  });

  it("an include_relative", async () => {
    const result = await build(
      { "docs/p.md": page("{% include_relative _parts/leak.md %}") },
      { "docs/_parts/leak.md": secret("secret.md") },
    );
    expectRefused(result, { file: "docs/p.md", line: 5, code: "liquid-include", names: ["docs/_parts/leak.md", secret("secret.md")] });
  });

  it("a layout: the error names the layout's link, once for every page that uses it", async () => {
    const result = await build(
      { "docs/p.md": page("Hi", "title: T\nlayout: leaky"), "docs/q.md": page("Ho", "title: Q\nlayout: leaky") },
      { "_layouts/leaky.liquid": secret("secret.html") },
    );
    expectRefused(result, { file: "_layouts/leaky.liquid", code: "symlink-outside-tree", names: [secret("secret.html")] });
    expect(result.diagnostics.items.filter((d) => d.code === "symlink-outside-tree")).toHaveLength(1);
  });

  it.each([
    ["a _data file", "_data/leak.yml", "{{ site.data.leak.value }}"],
    ["_config.yml", "_config.yml", "{{ site.value }}"],
    ["a directory data file", "docs/acme/acme.11tydata.yml", "{{ page.value }}"],
  ])("%s", async (_kind, link, use) => {
    const result = await build({ "docs/acme/p.md": page(use) }, { [link]: secret("secret.yml") });
    expectRefused(result, { file: link, code: "symlink-outside-tree", names: [secret("secret.yml")] });
  });

  it.each([
    ["under docs/", "docs/img/leak.png"],
    ["under assets/", "assets/leak.css"],
  ])("a static file %s", async (_where, link) => {
    const result = await build({ "docs/p.md": page("Hi") }, { [link]: secret("secret.md") });
    expectRefused(result, { file: link, code: "symlink-outside-tree", names: [secret("secret.md")] });
    expect(result.staticFiles.map((f) => f.to)).not.toContain(link);
  });

  it.each([["docs/leak.md"], ["index.md"]])("a page (%s)", async (link) => {
    const result = await build({ "docs/p.md": page("Hi") }, { [link]: secret("secret.md") });
    expectRefused(result, { file: link, code: "symlink-outside-tree", names: [secret("secret.md")] });
    expect(result.outputs.map((o) => o.outputPath)).toContain("docs/p.html");
  });

  it("a folder under docs/: the folder's link is reported, nothing below it is listed", async () => {
    const result = await build({ "docs/p.md": page("Hi") }, { "docs/elsewhere": secret("folder") });
    expectRefused(result, { file: "docs/elsewhere", code: "symlink-outside-tree", names: [secret("folder")] });
    expect(result.outputs.map((o) => o.outputPath).filter((p) => p.startsWith("docs/elsewhere"))).toEqual([]);
  });
});

describe("links that lead nowhere or round in circles are errors, not crashes or hangs", () => {
  it("folder symlinks that loop are reported once each and the rest of the site still builds", { timeout: 30_000 }, async () => {
    const result = await build(
      { "docs/a/p.md": page("A"), "docs/b/q.md": page("B") },
      { "docs/a/up": "..", "docs/a/to-b": "../b", "docs/b/to-a": "../a" },
    );
    expectRefused(result, { file: "docs/a/up", code: "symlink-loop", names: ["docs/a/up", ".."] });
    expectRefused(result, { file: "docs/a/to-b/to-a", code: "symlink-loop", names: ["../a"] });
    // docs/b/to-a/up is docs/a/up again.
    expect(result.diagnostics.items.filter((d) => d.message.includes("/up is a symlink"))).toHaveLength(1);
    expect(result.outputs.map((o) => o.outputPath)).toEqual(expect.arrayContaining(["docs/a/p.html", "docs/b/q.html", "docs/a/to-b/q.html"]));
  });

  it("a dangling symlink to an include, a static file or a data file names the link and its missing target", async () => {
    const missing = secret("missing.md");
    const result = await build(
      { "docs/p.md": page("{% include gone.md %}") },
      { "_includes/gone.md": missing, "docs/img/gone.png": missing },
    );
    expectRefused(result, { file: "docs/p.md", line: 5, code: "liquid-include", names: ["_includes/gone.md", missing, "does not exist"] });
    expectRefused(result, { file: "docs/img/gone.png", code: "symlink-broken", names: [missing] });
    const data = await build({ "docs/p.md": page("Hi") }, { "_data/gone.yml": missing });
    expectRefused(data, { file: "_data/gone.yml", code: "symlink-broken", names: [missing] });
  });

  it("a symlink to itself", async () => {
    const result = await build({ "docs/p.md": page("Hi") }, { "docs/self.md": "self.md" });
    expectRefused(result, { file: "docs/self.md", code: "symlink-loop", names: ["docs/self.md"] });
  });
});

describe("symlinks that stay inside the tree keep working", () => {
  it("for includes, include_relative, layouts, data files, pages, folders and static files", async () => {
    const result = await build(
      {
        "docs/parts/shared.md": "SHARED-FRAGMENT",
        "docs/parts/other.md": page("Other page"),
        "docs/p.md": page("{% include alias.md %} {% include_relative _parts/rel.md %} {{ site.data.alias.value }}", "title: T\nlayout: mine"),
        "docs/img/logo.png": "PNG",
        "_layouts/real.liquid": '<main class="via-link">{{ content }}</main>',
        "_data/real.yml": "value: DATA-VIA-LINK",
      },
      {
        "_includes/alias.md": "../docs/parts/shared.md",
        "docs/_parts/rel.md": "../parts/shared.md",
        "_layouts/mine.liquid": "real.liquid",
        "_data/alias.yml": "real.yml",
        "docs/q.md": "p.md",
        "docs/linked": "parts",
        "docs/img/link.png": "logo.png",
      },
    );
    expect(result.diagnostics.items.filter((d) => d.severity === "error")).toEqual([]);
    const html = (file: string) => result.outputs.find((o) => o.outputPath === file)?.html ?? "";
    expect(html("docs/p.html")).toContain('<main class="via-link">');
    expect(html("docs/p.html").match(/SHARED-FRAGMENT/g)).toHaveLength(2);
    expect(html("docs/p.html")).toContain("DATA-VIA-LINK");
    expect(html("docs/q.html")).toContain("SHARED-FRAGMENT");
    expect(html("docs/linked/other.html")).toContain("Other page");
    expect(result.staticFiles.map((f) => f.to)).toContain("docs/img/link.png");
  });
});

describe("the CLI", () => {
  it("fails with each link and its target on stderr, writes nothing, and never prints the target's content", { timeout: 60_000 }, async () => {
    const tree = makeTree(
      { "docs/leaky.md": page("{% include leak.md %}"), "docs/laid-out.md": page("Hi", "title: Laid out\nlayout: page") },
      { "_includes/leak.md": secret("secret.md"), "docs/img/leak.png": secret("secret.md"), "_layouts/page.liquid": secret("secret.html") },
      jekyllCompatTree(),
    );
    const out = path.join(tree, "_site");
    const result = await runCli("build.ts", ["--source", tree, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`docs/leaky.md:5:1: error liquid-include: Include "leak.md": _includes/leak.md leads to ${secret("secret.md")}`);
    expect(result.stderr).toContain(`docs/img/leak.png: error symlink-outside-tree: docs/img/leak.png leads to ${secret("secret.md")}`);
    expect(result.stderr).toContain(`_layouts/page.liquid: error symlink-outside-tree: _layouts/page.liquid leads to ${secret("secret.html")}`);
    expect(result.stderr).toContain("hint: Replace the symlink with a copy of the file");
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout + result.stderr).not.toContain(MARKER);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("copies a static file through a symlink inside the tree", { timeout: 120_000 }, async () => {
    const tree = makeTree({ "docs/img/logo.svg": "<svg>IN-TREE-LOGO</svg>" }, { "docs/img/link.svg": "logo.svg" }, jekyllCompatTree());
    const out = path.join(tree, "_site");
    const result = await runCli("build.ts", ["--source", tree, "--out", out]);
    expect(result.code, result.stderr).toBe(0);
    expect(fs.readFileSync(path.join(out, "docs/img/link.svg"), "utf8")).toBe("<svg>IN-TREE-LOGO</svg>");
  });
});

describe("an editor's leftovers in _data", () => {
  it("are not read, as in Jekyll: Emacs' lock, a link to nowhere, breaks nothing", async () => {
    const data = await build(
      { "docs/p.md": page("{{ site.data.glossary.term }}"), "_data/glossary.yml": "term: Webhook\n", "_data/.glossary.yml.swp": "not: [yaml" },
      { "_data/.#glossary.yml": "root@host.4242:1765000000" },
    );
    expect(data.diagnostics.items.filter((d) => d.severity === "error")).toEqual([]);
    expect(data.outputs.find((o) => o.outputPath === "docs/p.html")?.html).toContain("Webhook");
  });
});

describe("a page in a folder so deep that its data file's path is longer than the system allows", () => {
  it("builds: there is no data file there as far as the build can tell", async () => {
    const dir = makeTree({ "index.md": page("Home") }, {});
    // Deep enough that the page's path fits but `<folder>/<folder>.11tydata.yml` does not (over 4,096 characters).
    const depth = Math.ceil((4_096 - 5 - 214 - path.join(dir, "docs").length) / 201);
    const deep = `const fs = require("node:fs"); process.chdir("docs"); for (let i = 0; i < ${depth}; i++) { fs.mkdirSync("${"y".repeat(200)}"); process.chdir("${"y".repeat(200)}"); } fs.writeFileSync("p.md", "---\\ntitle: Deep\\nlayout: none\\n---\\nDEEP-PAGE\\n");`;
    fs.mkdirSync(path.join(dir, "docs"));
    const made = spawnSync(process.execPath, ["-e", deep], { cwd: dir, encoding: "utf8" });
    expect(made.stderr).toBe("");
    const result = await buildSite({ sourceDir: dir, workers: 0, cacheDir: false });
    expect(result.diagnostics.items.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.outputs.some((o) => o.html.includes("DEEP-PAGE"))).toBe(true);
  });
});

describe("a folder the build may not read", () => {
  it("fails the build as folder-unreadable, with its reason and what to do, not a stack trace", async () => {
    const dir = makeTree({ "index.md": page("Home"), "docs/ok.md": page("Readable") }, {});
    // A path longer than the system allows, made a folder at a time from inside (as a deep checkout could be).
    const deep = `const fs = require("node:fs"); process.chdir("docs"); for (let i = 0; i < 24; i++) { fs.mkdirSync("${"y".repeat(200)}"); process.chdir("${"y".repeat(200)}"); } fs.writeFileSync("deep.md", "x");`;
    const made = spawnSync(process.execPath, ["-e", deep], { cwd: dir, encoding: "utf8" });
    expect(made.stderr).toBe("");
    const { code, stderr } = await runCli("build.ts", ["--source", dir, "--out", path.join(tempDir(), "out")]);
    expect(code).toBe(1);
    const reported = stderr.split("\n").find((line) => line.includes("folder-unreadable")) ?? "";
    expect(reported).toMatch(/docs\/y{200}\//);
    expect(reported).toContain("ENAMETOOLONG");
    expect(stderr).toContain("Shorten the names of the folders on its path.");
    expect(stderr).not.toMatch(/\n\s+at .*\(.*\.(?:ts|mjs|js):\d+:\d+\)/);
  });
});
