// The in-memory build on tiny trees: Jekyll include semantics, lookup order and how problems are reported.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../../src/build/build-site.ts";
import { writeFiles } from "../../support/fixture-tree.ts";

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-unit-"));
  writeFiles(dir, files);
  return dir;
}

const page = (body: string, front = "title: T\nlayout: none") => `---\n${front}\n---\n${body}`;

async function html(files: Record<string, string>, file = "docs/p.html") {
  const build = await buildSite({ sourceDir: tree(files) });
  expect(build.diagnostics.items).toEqual([]);
  return build.outputs.find((o) => o.outputPath === file)!.html;
}

describe("includes", () => {
  it("passes parameters as include.* and keeps page.* visible inside the include", async () => {
    const out = await html({
      "_includes/greet.md": "Hello {{ include.who }} from {{ page.title }}",
      "docs/p.md": page('{% include greet.md who="Ada" %}'),
    });
    expect(out).toContain("Hello Ada from T");
  });

  it("prefers the tree's own include over ours with the same name", async () => {
    const out = await html({
      "_includes/note.html": "TREE NOTE {{ include.content }}",
      "docs/p.md": page('{% include note.html content="x" %}'),
    });
    expect(out).toContain("TREE NOTE x");
  });

  it("evaluates {{ }} in include_relative paths, relative to the including file", async () => {
    const out = await html({
      "docs/parts/intro-crm.md": "Intro for {{ page.hub }}",
      "docs/p.md": page("{% include_relative parts/intro-{{ page.hub }}.md %}", "title: T\nlayout: none\nhub: crm"),
    });
    expect(out).toContain("Intro for crm");
  });

  it("reports an error three includes deep at the innermost file with the whole chain", async () => {
    const build = await buildSite({
      sourceDir: tree({
        "_includes/a.md": "A\n{% include b.md %}",
        "_includes/b.md": "B\n\n{{ page.missing }}",
        "docs/p.md": page("\n{% include a.md %}"),
      }),
    });
    expect(build.diagnostics.items).toEqual([
      expect.objectContaining({
        file: "_includes/b.md",
        line: 3,
        code: "liquid-undefined-variable",
        chain: ["docs/p.md:6", "_includes/a.md:2"],
      }),
    ]);
  });

  it("says an include whose name came out empty names no file, at the tag, with what to check", async () => {
    const build = await buildSite({ sourceDir: tree({ "docs/p.md": page("{% include {{ page.box }} %}\n\n{% include_relative {{ page.box }} %}") }) });
    const includes = build.diagnostics.items.filter((d) => d.code === "liquid-include");
    expect(includes.map((d) => d.message)).toEqual([
      "The include names no file: its name came out empty",
      "The include_relative names no file: its name came out empty",
    ]);
    expect(includes[0].hint).toContain("{% if page.box %}");
  });

  it("refuses include_relative paths that leave the source tree", async () => {
    const build = await buildSite({ sourceDir: tree({ "docs/p.md": page("{% include_relative ../../../etc/passwd %}") }) });
    expect(build.diagnostics.items[0]).toMatchObject({ file: "docs/p.md", code: "liquid-include" });
    expect(build.diagnostics.items[0].message).toContain("outside the source tree");
  });
});

describe("site data", () => {
  it("exposes _config.yml as site.* and _data files (nested folders too) as site.data.*", async () => {
    const out = await html({
      "_config.yml": "console: The Console\n",
      "_data/glossary.yml": "ce-ui: the UI\n",
      "_data/api/limits.json": '{"per-minute": 60}',
      "docs/p.md": page("{{ site.console }} / {{ site.data.glossary.ce-ui }} / {{ site.data.api.limits.per-minute }}"),
    });
    expect(out).toContain("The Console / the UI / 60");
  });

  it("reports broken YAML in _data with its file and line", async () => {
    const build = await buildSite({ sourceDir: tree({ "_data/hubs.yml": "- key: crm\n  name: [CRM\n" }) });
    expect(build.diagnostics.items[0]).toMatchObject({ file: "_data/hubs.yml", code: "yaml-syntax" });
  });

  it("reports every broken file of _data in one build, not only the first", async () => {
    const build = await buildSite({
      sourceDir: tree({
        "_data/hubs.yml": "- key: crm\n  name: [CRM\n",
        "_data/api/limits.json": '{"per-minute": 60,}',
        "_data/members.csv": 'name,role\nAna,"unclosed\n',
        "_data/fine.yml": "ok: true\n",
      }),
    });
    const problems = build.diagnostics.items.map(({ file, code }) => `${file} ${code}`);
    expect(problems).toEqual(expect.arrayContaining(["_data/hubs.yml yaml-syntax", "_data/api/limits.json json-syntax", "_data/members.csv csv-syntax"]));
    expect(problems).toHaveLength(3);
  });

  it("reads _data CSV and TSV files as Jekyll does: a list of rows keyed by the header, every value text", async () => {
    const page = await html({
      "_data/members.csv": '\uFEFFname,role\nAna,"Writer, lead"\nBo,42\n',
      "_data/limits.tsv": "api\tper_minute\ncontacts\t60\n",
      "docs/p.md": "---\ntitle: P\nlayout: none\n---\n{% for m in site.data.members %}[{{ m.name }}: {{ m.role }}]{% endfor %} {{ site.data.limits[0].per_minute | plus: 1 }}\n",
    });
    expect(page).toContain("[Ana: Writer, lead][Bo: 42] 61");
    const bad = await buildSite({ sourceDir: tree({ "_data/members.csv": 'name,role\nAna,"unclosed\n' }) });
    expect(bad.diagnostics.items[0]).toMatchObject({ file: "_data/members.csv", code: "csv-syntax", severity: "error", line: expect.any(Number) });
  });

  it("reads ragged CSV rows as Jekyll does, and of two data files of one name the one Jekyll reads last", async () => {
    const page = await html({
      "_data/v.csv": "a,b\n1,2,3\n4\n",
      "_data/vals.yml": "from: yml\n",
      "_data/vals.json": '{"from": "json"}\n',
      "_data/team/list.yaml": "- yaml\n",
      "_data/team/list.yml": "- yml\n",
      "_data/team.yml": "list: [file]\n",
      "_data/empty.csv": 'k,val\ne,\nq,""\n',
      "docs/p.md":
        "---\ntitle: P\nlayout: none\n---\n{% for r in site.data.v %}{{ r.a }}-{{ r.b }};{% endfor %} {{ site.data.vals.from }} {{ site.data.team.list[0] }}" +
        " {% for r in site.data.empty %}{{ r.k }}:{% if r.val %}set{% elsif r.val == nil %}nil{% else %}text{% endif %};{% endfor %}\n",
    });
    expect(page).toContain("1-2;4-; json yml e:nil;q:set;");
  });

  it("reports broken JSON in _data and in a folder's data file at the line and column of the mistake", async () => {
    const data = await buildSite({ sourceDir: tree({ "_data/limits.json": '{\n  "per-minute": 60,\n}\n' }) });
    expect(data.diagnostics.items[0]).toMatchObject({ file: "_data/limits.json", line: 2, column: 19, code: "json-syntax", hint: expect.stringContaining("this line") });
    const folder = await buildSite({ sourceDir: tree({ "docs/guides/guides.11tydata.json": "{\n  'layout': 'page'\n}\n", "docs/guides/a.md": page("A") }) });
    expect(folder.diagnostics.items).toContainEqual(expect.objectContaining({ file: "docs/guides/guides.11tydata.json", line: 2, code: "json-syntax" }));
  });
});

describe("pages", () => {
  it("writes a redirect page and reports a redirect that would overwrite a real page", async () => {
    const build = await buildSite({
      sourceDir: tree({
        "docs/a.md": page("A", "title: A\nlayout: none\nredirect_from:\n  - /docs/old-a.html\n  - docs/b.html"),
        "docs/b.md": page("B"),
      }),
    });
    expect(build.outputs.map((o) => o.outputPath)).toContain("docs/old-a.html");
    expect(build.diagnostics.items).toEqual([
      expect.objectContaining({ file: "docs/a.md", line: 4, code: "redirect-conflict" }),
    ]);
  });

  it("reports broken front matter YAML at its line and still renders the other pages", async () => {
    const build = await buildSite({
      sourceDir: tree({ "docs/bad.md": "---\ntitle: ok\norder: [1\n---\nx", "docs/good.md": page("fine") }),
    });
    expect(build.diagnostics.items[0]).toMatchObject({ file: "docs/bad.md", code: "front-matter-yaml" });
    expect(build.diagnostics.items[0].line).toBeGreaterThanOrEqual(3);
    expect(build.outputs.map((o) => o.outputPath)).toContain("docs/good.html");
  });
});
