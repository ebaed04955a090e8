// Issue 11, point 3: where a writer's text would be lost (overwritten, dropped, garbled, listed twice), the build
// says so at the file and line to fix; errors stop it before anything is written.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkSite } from "../../src/checks/check-site.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { writeFiles } from "../support/fixture-tree.ts";
import { runCli } from "../support/run-cli.ts";

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A tree that builds clean on its own (no layouts, so no layout links to pages the tree lacks), plus `files`. */
function tree(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-loss-"));
  made.push(dir);
  const all: Record<string, string | Buffer> = {
    "index.md": page("Home"),
    "docs/elements.md": page("Elements"),
    ...files,
  };
  for (const [rel, content] of Object.entries(all)) {
    if (typeof content === "string") writeFiles(dir, { [rel]: content });
    else {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), content);
    }
  }
  return dir;
}

function page(body: string, front = `title: ${body}\nlayout: none`): string {
  return `---\n${front}\n---\n${body}\n`;
}

/** Text with one byte that is not UTF-8: "café" as Latin-1 saves the é as 0xE9. */
function latin1(before: string, after = " au lait\n"): Buffer {
  return Buffer.concat([Buffer.from(before), Buffer.from([0xe9]), Buffer.from(after)]);
}

async function build(dir: string, ...args: string[]) {
  const out = path.join(dir, "_site");
  return { out, ...(await runCli("build.ts", ["--source", dir, "--out", out, ...args])) };
}

function expectNothingWritten(result: { code: number | null; stderr: string; out: string }): void {
  expect(result.stderr).toContain("Build failed: nothing was written");
  expect(result.code).toBe(1);
  expect(fs.existsSync(result.out)).toBe(false);
}

describe.concurrent("two sources for one URL", () => {
  it("a page and a static .html of the same name fail the build, naming both files", async () => {
    const result = await build(tree({ "docs/x.md": page("The page"), "docs/x.html": "<p>An old copy</p>\n" }));
    expect(result.stderr).toContain(
      "docs/x.md:1: error output-collision: docs/x.html has two sources: the page docs/x.md and the file docs/x.html",
    );
    expectNothingWritten(result);
  });

  it("a redirect onto a page, a static file, a generated file, the search index or another redirect fails at its redirect_from line", async () => {
    // jekyll-redirect-from writes /sitemap.xml as sitemap.xml.html: only .html paths can meet generated files.
    const redirects = ["/docs/b.html", "/docs/legacy", "/404.html", "/pagefind/", "/docs/old.html"];
    const result = await build(
      tree({
        "docs/a.md": page("A", `title: A\nlayout: none\nredirect_from:\n${redirects.map((r) => `  - ${r}`).join("\n")}`),
        "docs/b.md": page("B", "title: B\nlayout: none\nredirect_from: /docs/old.html"),
        // A static .html (no front matter): jekyll-redirect-from writes /docs/legacy as docs/legacy.html.
        "docs/legacy.html": "<p>An old copy</p>\n",
      }),
    );
    const at = "docs/a.md:4: error redirect-conflict: ";
    expect(result.stderr).toContain(`${at}docs/b.html has two sources: the page docs/b.md and redirect_from "/docs/b.html" of docs/a.md`);
    expect(result.stderr).toContain(`${at}docs/legacy.html has two sources: the file docs/legacy.html and redirect_from "/docs/legacy" of docs/a.md`);
    expect(result.stderr).toContain(`${at}404.html has two sources: the generated 404.html and redirect_from "/404.html" of docs/a.md`);
    expect(result.stderr).toContain(
      `${at}redirect_from "/pagefind/" of docs/a.md writes pagefind/index.html, inside the folder of the generated search index pagefind/`,
    );
    expect(result.stderr).toContain(
      `${at}docs/old.html has two sources: redirect_from "/docs/old.html" of docs/a.md and redirect_from "/docs/old.html" of docs/b.md`,
    );
    expect(result.stderr).toContain("5 errors");
    expectNothingWritten(result);
  });

  it("keeps the page, not the file or redirect that collides with it, in the site held in memory", async () => {
    const build = await buildSite({
      sourceDir: tree({
        "docs/x.md": page("The page"),
        "docs/x.html": "<p>An old copy</p>\n",
        "docs/y.md": page("Y", "title: Y\nlayout: none\nredirect_from: /docs/x.html"),
      }),
      cacheDir: false,
    });
    expect(build.outputs.filter((o) => o.outputPath === "docs/x.html").map((o) => o.html)).toEqual([
      expect.stringContaining("The page"),
    ]);
    expect(build.staticFiles.map((f) => f.to)).not.toContain("docs/x.html");
  });
});

describe.concurrent("Markdown files that are not pages", () => {
  const files = {
    "docs/guide.md": page("Guide", "title: Guide\nlayout: none") + "{% include_relative parts/intro.md %}\n",
    "docs/parts/intro.md": "An included fragment\n",
    "docs/lost-front-matter.md": "title: Lost\n\nA page whose front matter lost its --- lines\n",
    "docs/emptied.md": " \n\n",
  };

  it("warn at line 1 when no page includes them, and the site is built without them", async () => {
    const result = await build(tree(files));
    expect(result.stderr).toContain(
      "docs/lost-front-matter.md:1: warning page-without-front-matter: no page is written at /docs/lost-front-matter.html: " +
        "the file has no front matter (add --- ... --- to publish it, or include it from a page)",
    );
    expect(result.stderr).toContain(
      "docs/emptied.md:1: warning page-without-front-matter: no page is written at /docs/emptied.html: the file is empty",
    );
    expect(result.stderr).not.toContain("docs/parts/intro.md");
    expect(result.stderr).toContain("0 errors, 2 warnings");
    expect(result.code).toBe(0);
    expect(fs.readFileSync(path.join(result.out, "docs/guide.html"), "utf8")).toContain("An included fragment");
    expect(fs.existsSync(path.join(result.out, "docs/lost-front-matter.html"))).toBe(false);
  });

  it("fail the build with --strict, which writes nothing", async () => {
    const result = await build(tree(files), "--strict");
    expect(result.stderr).toContain("docs/emptied.md:1: warning page-without-front-matter");
    expectNothingWritten(result);
  });

  it("stay silent while a page is incomplete, since what it would have included is unknown", async () => {
    const build = await buildSite({
      sourceDir: tree({ ...files, "docs/guide.md": page("Guide") + "{% vimeo 42 %}{% include_relative parts/intro.md %}\n" }),
      cacheDir: false,
    });
    checkSite(build);
    expect(build.diagnostics.items.map((d) => d.code)).toEqual(["liquid-unknown-tag"]);
  });

  it("an emptied root index.md says the generated home page takes its place", async () => {
    const build = await buildSite({ sourceDir: tree({ "index.md": "" }), cacheDir: false });
    checkSite(build);
    expect(build.diagnostics.items).toContainEqual(
      expect.objectContaining({
        file: "index.md",
        line: 1,
        severity: "warning",
        message: expect.stringMatching(/^the generated home page is written at \/index\.html instead: the file is empty/),
      }),
    );
  });
});

describe.concurrent("text that is not UTF-8", () => {
  it("is an error at the line and column of the bad byte in a page, an include and a layout", async () => {
    const result = await build(
      tree({
        "docs/menu.md": latin1(`---\ntitle: Menu\nlayout: none\n---\nToday:\ncaf`),
        "docs/with-include.md": page("Include", "title: Include\nlayout: none") + "{% include drinks.md %}\n",
        "_includes/drinks.md": latin1("Drinks\n\n  caf"),
        "_layouts/custom.liquid": latin1("<main>{{ content }}</main>\n<footer>caf"),
        "docs/with-layout.md": page("Layout", "title: Layout\nlayout: custom"),
      }),
    );
    const message = "error text-encoding: The file is not valid UTF-8: byte 0xE9 here is not part of a UTF-8 character";
    expect(result.stderr).toContain(`docs/menu.md:6:4: ${message}`);
    expect(result.stderr).toContain(`_includes/drinks.md:3:6: ${message}`);
    expect(result.stderr).toContain(`_layouts/custom.liquid:2:12: ${message}`);
    expect(result.stderr).toContain("hint: Save the file as UTF-8");
    expectNothingWritten(result);
  });

  it("is an error in _config.yml and in a _data file", async () => {
    const [config, data] = await Promise.all([
      build(tree({ "_config.yml": latin1("title: Caf") })),
      build(tree({ "_data/menu.yml": latin1("drinks:\n  - caf") })),
    ]);
    expect(config.stderr).toContain("_config.yml:1:11: error text-encoding");
    expectNothingWritten(config);
    expect(data.stderr).toContain("_data/menu.yml:2:8: error text-encoding");
    expectNothingWritten(data);
  });

  it("accepts a UTF-8 byte order mark and drops it, so the front matter is read", async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const result = await build(tree({ "docs/bom.md": Buffer.concat([bom, Buffer.from(page("Saved with a BOM"))]) }));
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const html = fs.readFileSync(path.join(result.out, "docs/bom.html"), "utf8");
    expect(html).toContain("Saved with a BOM");
    expect(html).not.toContain("\uFEFF");
  });

  it("publishes a replacement character the writer typed (valid UTF-8), after a byte order mark too", async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const typed = page("Shown as \uFFFD when a byte is lost");
    const result = await build(tree({ "docs/typed.md": typed, "docs/typed-bom.md": Buffer.concat([bom, Buffer.from(typed)]) }));
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    for (const file of ["docs/typed.html", "docs/typed-bom.html"]) {
      const html = fs.readFileSync(path.join(result.out, file), "utf8");
      expect(html).toContain("Shown as \uFFFD when a byte is lost");
      expect(html).not.toContain("\uFEFF");
    }
  });
});

describe.concurrent("two element folders for one element", () => {
  const overview = (name: string, key: string, id: number) =>
    page(name, `heading: ${name}\ntitle: Overview\nlayout: none\nelementId: ${id}\nelementKey: ${key}\nhub: crm\norder: 1`);
  const folders = {
    "docs/elements/acme-crm/index.md": overview("Acme CRM", "acmecrm", 4242),
    "docs/elements/acme-crm-copy/index.md": overview("Acme CRM copy", "acmecrm", 4242),
  };

  it("sharing an elementKey or elementId fail the build at the key's line in each folder, naming the other", async () => {
    const result = await build(tree(folders));
    const copy = "docs/elements/acme-crm-copy/";
    const original = "docs/elements/acme-crm/";
    expect(result.stderr).toContain(
      `${original}index.md:6: error element-duplicate-identity: elementKey "acmecrm" of ${original} is also the elementKey of ${copy} (${copy}index.md:6)`,
    );
    expect(result.stderr).toContain(
      `${copy}index.md:6: error element-duplicate-identity: elementKey "acmecrm" of ${copy} is also the elementKey of ${original} (${original}index.md:6)`,
    );
    expect(result.stderr).toContain(
      `${original}index.md:5: error element-duplicate-identity: elementId "4242" of ${original} is also the elementId of ${copy} (${copy}index.md:5)`,
    );
    expect(result.stderr).toContain(`${copy}index.md:5: error element-duplicate-identity: elementId "4242"`);
    expectNothingWritten(result);
  });

  it("elements.json lists each key and id once", async () => {
    const build = await buildSite({ sourceDir: tree(folders), cacheDir: false });
    const json = JSON.parse(build.outputs.find((o) => o.outputPath === "elements.json")!.html) as {
      elements: { folder: string; key: string | null; id: number | null }[];
    };
    expect(json.elements.map(({ folder, key, id }) => ({ folder, key, id }))).toEqual([
      { folder: "acme-crm", key: "acmecrm", id: 4242 },
      { folder: "acme-crm-copy", key: null, id: null },
    ]);
  });
});
