// JavaScript plugins in _plugins/*.mjs (filters, tags, site values), their failures, and what a tree's Ruby
// plugins defined (never run: named in the hint of what they left undefined).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rubyDefinitions } from "../../../src/plugins/ruby-plugins.ts";
import { buildSite } from "../../../src/build/build-site.ts";
import { writeFiles } from "../../support/fixture-tree.ts";
import { PreviewHarness } from "../../support/preview-session.ts";

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-plugins-"));
  writeFiles(dir, { "_config.yml": "title: T\n", ...files });
  return dir;
}

/** Builds a tree of `files` (with a `_config.yml`) in memory. */
const buildTree = (files: Record<string, string>, workers?: number) => buildSite({ sourceDir: tree(files), cacheDir: false, workers });

const page = (body: string) => `---\ntitle: Events\nlayout: none\norder: 3\n---\n${body}`;

/** The page's own text, without the policy tag every page starts with. */
function textOf(build: Awaited<ReturnType<typeof buildSite>>, outputPath = "docs/p.html"): string {
  const html = build.outputs.find((o) => o.outputPath === outputPath)?.html ?? "";
  return html.replace(/^<meta[^>]*>\n?/, "").trim();
}

describe("a plugin in _plugins/*.mjs", () => {
  it("adds filters, tags with positional and named arguments, and site values computed from every page", async () => {
    const build = await buildTree({
      "_plugins/site.mjs": `export default function (plugin) {
  plugin.filter("shout", (value, mark = "!") => String(value).toUpperCase() + mark);
  plugin.tag("video", (id, size, named) => \`<video src="/media/\${id}.mp4" width="\${size}" title="\${named.title}"></video>\`);
  plugin.site("titles", (site, pages) => pages.map((p) => p.path + "=" + p.data.title + "@" + p.url).sort());
  plugin.site("siteTitle", (site) => site.title + "/" + site.titles.length);
}`,
      "docs/p.md": page(
        '{{ page.title | shout }} {{ "a" | shout: "?" }}\n\n{% video "intro" page.order title="Getting started" %}\n\n' +
          "{{ site.titles | join: ', ' }} {{ site.siteTitle }}\n",
      ),
      "docs/q.md": page("Q"),
    });
    expect(build.diagnostics.items).toEqual([]);
    const text = textOf(build);
    expect(text).toContain("<p>EVENTS! A?</p>");
    expect(text).toContain('<video src="/media/intro.mp4" width="3" title="Getting started"></video>');
    expect(text).toContain("docs/p.md=Events@/docs/p.html, docs/q.md=Events@/docs/q.html");
    expect(text).toMatch(/T\/\d+<\/p>$/);
  });

  it("can define a block tag with liquidjs's own tag definition", async () => {
    const build = await buildTree({
      "_plugins/box.mjs": `export default function (plugin) {
  plugin.tag("box", {
    parse(token, remainTokens) {
      this.templates = [];
      const stream = this.liquid.parser.parseStream(remainTokens)
        .on("tag:endbox", () => stream.stop())
        .on("template", (t) => this.templates.push(t))
        .on("end", () => { throw new Error("box is not closed"); });
      stream.start();
    },
    * render(ctx, emitter) {
      emitter.write("<aside>");
      yield this.liquid.renderer.renderTemplates(this.templates, ctx, emitter);
      emitter.write("</aside>");
    },
  });
}`,
      "docs/p.md": page("{% box %}In {{ page.title }}{% endbox %}\n"),
    });
    expect(build.diagnostics.items).toEqual([]);
    expect(textOf(build)).toBe("<aside>In Events</aside>");
  });

  // The line of a syntax error is checked through the CLI (test/integration/legacy-portal/plugins.test.ts): under
  // vitest, Vite rather than Node parses the imported file.
  it("that does not import is an error at its file, and what it would define is then unknown", async () => {
    const build = await buildTree({
      "_plugins/broken.mjs": 'export default function (plugin) {\n  plugin.filter("shout", (v) => v)\n}}\n',
      "docs/p.md": page('{{ "a" | shout }}\n'),
    });
    expect(build.diagnostics.items).toEqual([
      expect.objectContaining({ file: "_plugins/broken.mjs", severity: "error", code: "plugin-error" }),
      expect.objectContaining({ file: "docs/p.md", code: "liquid-unknown-filter", severity: "warning" }),
    ]);
    expect(build.diagnostics.items[0].message).toMatch(/^The plugin could not be loaded: /);
    expect(textOf(build)).toBe("<p>a</p>");
  });

  it("whose function throws is an error at its file with the message, and adds nothing", async () => {
    const build = await buildTree({
      "_plugins/half.mjs": 'export default function (plugin) {\n  plugin.filter("shout", (v) => v);\n  throw new Error("no API key");\n}\n',
      "_plugins/nameless.mjs": "export const x = 1;\n",
      "docs/p.md": page("Text\n"),
    });
    expect(build.diagnostics.items).toEqual([
      expect.objectContaining({
        file: "_plugins/half.mjs",
        line: 3,
        severity: "error",
        code: "plugin-error",
        message: "The plugin failed: no API key",
      }),
      expect.objectContaining({ file: "_plugins/nameless.mjs", code: "plugin-error", message: expect.stringMatching(/no default export/) }),
    ]);
    expect(textOf(build)).toBe("<p>Text</p>");
  });

  it("whose site value throws or is not plain data is an error at its file; the other values stay", async () => {
    const build = await buildTree({
      "_plugins/values.mjs": `export default function (plugin) {
  plugin.site("broken", () => { throw new Error("bad data"); });
  plugin.site("callback", () => () => 1);
  plugin.site("fine", () => ({ n: 1 }));
}`,
      "docs/p.md": page("[{{ site.fine.n }}]\n"),
    });
    expect(build.diagnostics.items.map((d) => [d.file, d.code, d.message])).toEqual([
      ["_plugins/values.mjs", "plugin-error", "The plugin failed computing site.broken: bad data"],
      ["_plugins/values.mjs", "plugin-error", expect.stringMatching(/^The plugin gave site.callback a value that is not plain data/)],
    ]);
    expect(textOf(build)).toBe("<p>[1]</p>");
  });

  it("whose filter throws while a page renders is an error at the line that used it, naming the plugin", async () => {
    const build = await buildTree({
      "_plugins/strict.mjs": 'export default function (plugin) {\n  plugin.filter("id_of", (v) => { throw new Error(`no id in ${v}`); });\n}\n',
      "docs/p.md": page("Before\n\n{{ page.title | id_of }}\n"),
    });
    expect(build.diagnostics.items).toEqual([
      expect.objectContaining({
        file: "docs/p.md",
        line: 8,
        severity: "error",
        code: "plugin-error",
        message: 'Filter "id_of" from _plugins/strict.mjs failed: no id in Events',
      }),
    ]);
  });

  it("whose filter returns a promise, or whose tag returns an object, is an error at the line that used it", async () => {
    const build = await buildTree({
      "_plugins/async.mjs": 'export default function (plugin) {\n  plugin.filter("later", async (v) => v);\n  plugin.tag("thing", () => ({ a: 1 }));\n}\n',
      "docs/p.md": page("{{ page.title | later }}\n\n{% thing %}\n"),
    });
    expect(build.diagnostics.items.map(({ line, code, message }) => ({ line, code, message }))).toEqual([
      { line: 6, code: "plugin-error", message: expect.stringMatching(/^Filter "later" from _plugins\/async\.mjs failed: it returned a promise/) },
      { line: 8, code: "plugin-error", message: expect.stringMatching(/^Tag "thing" from _plugins\/async\.mjs failed: it returned an object/) },
    ]);
    expect(textOf(build)).not.toMatch(/\[object /);
  });

  it("is loaded in the render threads too", async () => {
    const files: Record<string, string> = {
      "_plugins/shout.mjs": 'export default function (plugin) { plugin.filter("shout", (v) => String(v).toUpperCase()); }\n',
    };
    // Render threads start from 600 pages (src/render/render-pool.ts).
    for (let i = 0; i < 620; i++) files[`docs/p${i}.md`] = `---\ntitle: page ${i}\nlayout: none\n---\n{{ page.title | shout }}\n`;
    const build = await buildTree(files, 1);
    expect(build.diagnostics.items).toEqual([]);
    const texts = build.outputs.filter((o) => /^docs\/p\d+\.html$/.test(o.outputPath)).map((o) => /<p>(.*)<\/p>/.exec(o.html)?.[1]);
    expect(texts).toHaveLength(620);
    expect(texts.every((t) => /^PAGE \d+$/.test(t ?? ""))).toBe(true);
  });

  it("is only a .mjs file directly in _plugins/", async () => {
    const build = await buildTree({
      "_plugins/lib/helper.mjs": 'export default function (plugin) { plugin.filter("shout", (v) => "nested"); }\n',
      "_plugins/shout.js": 'export default function (plugin) { plugin.filter("shout", (v) => "js"); }\n',
      "docs/p.md": page('{{ "a" | shout }}\n'),
    });
    expect(build.diagnostics.items.map((d) => d.code)).toEqual(["liquid-unknown-filter"]);
    expect(textOf(build)).toBe("<p>a</p>");
  });

  it("is loaded again in the live preview when it is saved", async () => {
    const dir = tree({
      "_plugins/shout.mjs": 'export default function (plugin) { plugin.filter("shout", (v) => v + "!"); }\n',
      "docs/p.md": page('{{ "a" | shout }}\n'),
    });
    const preview = await PreviewHarness.open(dir);
    expect(await preview.page("docs/p.html")).toContain("<p>a!</p>");
    await preview.save("_plugins/shout.mjs", 'export default function (plugin) { plugin.filter("shout", (v) => v + "?"); }\n');
    expect(await preview.page("docs/p.html")).toContain("<p>a?</p>");
    preview.close();
  });
});

describe("a Ruby plugin in _plugins/", () => {
  const ruby = {
    "_plugins/ShardIdFilter.rb": `module Jekyll
  module ShardIdFilter
    def shard_id(input)
      input.to_s.split("/")[2]
    end

    def self.helper
    end

    private

    def internal(x)
    end
  end
end

Liquid::Template.register_filter(Jekyll::ShardIdFilter)
`,
    "_plugins/tags/youtube.rb": `class YouTube < Liquid::Tag
  def initialize(tag_name, markup, tokens)
    super
  end
end
Liquid::Template.register_tag('youtube', YouTube)
`,
    "_plugins/callout.rb": `module Jekyll
  class CalloutBlock < Liquid::Block
    def render(context)
      "<aside>#{super}</aside>"
    end
  end
end
Liquid::Template.register_tag("callout", Jekyll::CalloutBlock)
`,
  };

  it("is read for the filters and tags it defines, and never run", () => {
    expect([...rubyDefinitions(tree(ruby)).values()]).toEqual([
      { kind: "filter", name: "shard_id", file: "_plugins/ShardIdFilter.rb" },
      { kind: "tag", name: "callout", file: "_plugins/callout.rb", block: true },
      { kind: "tag", name: "youtube", file: "_plugins/tags/youtube.rb", block: false },
    ]);
  });

  it("is named, with how to port it, by a warning where a filter it defined is used", async () => {
    const build = await buildTree({ ...ruby, "docs/p.md": page("{{ page.path | shard_id }}\n") });
    expect(build.diagnostics.items).toEqual([
      expect.objectContaining({
        file: "docs/p.md",
        severity: "warning",
        code: "liquid-unknown-filter",
        hint:
          "shard_id was defined by _plugins/ShardIdFilter.rb (Ruby plugins do not run here): port it to " +
          '_plugins/shard-id.mjs as plugin.filter("shard_id", ...) — see README \'Plugins\'.',
      }),
    ]);
  });

  it("is named, with how to port it, by a warning where a tag it defined is used, which writes nothing", async () => {
    const build = await buildTree({ ...ruby, "docs/p.md": page("Text {% youtube abc %} here.\n") });
    expect(build.diagnostics.items).toEqual([
      expect.objectContaining({
        file: "docs/p.md",
        line: 6,
        severity: "warning",
        code: "liquid-ruby-tag",
        message: 'Tag "youtube" comes from _plugins/tags/youtube.rb, a Ruby plugin, which does not run here: it writes nothing',
        hint: expect.stringContaining('youtube was defined by _plugins/tags/youtube.rb (Ruby plugins do not run here): port it to _plugins/youtube.mjs as plugin.tag("youtube", ...)'),
      }),
    ]);
    expect(textOf(build)).toBe("<p>Text  here.</p>");
  });

  it("keeps the text inside a block tag it defined, with Liquid run, and warns once", async () => {
    const build = await buildTree({ ...ruby, "docs/p.md": page("{% callout %}Keep **{{ page.title }}**.{% endcallout %}\n") });
    expect(build.diagnostics.items).toEqual([expect.objectContaining({ severity: "warning", code: "liquid-ruby-tag", message: expect.stringContaining("only the text between its tags") })]);
    expect(textOf(build)).toMatch(/^<p>Keep <strong>.*<\/strong>\.<\/p>$/);
  });

  it("keeps the text inside a block tag whose class derives from a block through a base class of its own", async () => {
    const inherited = {
      "_plugins/tip.rb": 'module Jekyll\n  class BaseBlock < Liquid::Block\n  end\n  class TipBlock < BaseBlock\n  end\nend\nLiquid::Template.register_tag("tip", Jekyll::TipBlock)\n',
    };
    const build = await buildTree({ ...inherited, "docs/p.md": page("{% tip %}One{% endtip %} and {% tip %}two{% endtip %}.\n") });
    const warning = (column: number) => expect.objectContaining({ line: 6, column, code: "liquid-ruby-tag", message: expect.stringContaining("only the text between its tags") });
    expect(build.diagnostics.items).toEqual([warning(1), warning(30)]);
    expect(textOf(build)).toBe("<p>One and two.</p>");
  });

  it("reads a tag whose class it cannot see as a block only when its end tag follows outside a comment", async () => {
    const fromGem = { "_plugins/gem-tags.rb": 'require "some-gem"\nLiquid::Template.register_tag("box", SomeGem::BoxTag)\n' };
    const block = await buildTree({ ...fromGem, "docs/p.md": page("{% box %}Kept{% endbox %}.\n") });
    expect(textOf(block)).toBe("<p>Kept.</p>");
    const plain = await buildTree({ ...fromGem, "docs/p.md": page("A {% box %} B\n\n{% comment %}{% box %}{% endbox %}{% endcomment %}\n") });
    expect(plain.diagnostics.items.map((d) => d.code)).toEqual(["liquid-ruby-tag"]);
    expect(textOf(plain)).toBe("<p>A  B</p>");
  });

  it("follows a plugin's own classes named Tag or Block to Liquid's", async () => {
    const own = {
      "_plugins/own.rb":
        "module MyPlugin\n  class Tag < Liquid::Block\n  end\n  class Note < Tag\n  end\n  class Block < Liquid::Tag\n  end\n  class Badge < Block\n  end\nend\n" +
        "Liquid::Template.register_tag('note', MyPlugin::Note)\nLiquid::Template.register_tag('badge', MyPlugin::Badge)\n",
    };
    const build = await buildTree({ ...own, "docs/p.md": page("{% note %}Kept{% endnote %} and {% badge x %}.\n") });
    expect(build.diagnostics.items.map((d) => [d.code, d.message.includes("only the text") ? "block" : "tag"])).toEqual([
      ["liquid-ruby-tag", "block"],
      ["liquid-ruby-tag", "tag"],
    ]);
    expect(textOf(build)).toBe("<p>Kept and .</p>");
  });

  it("never reads a plain Liquid::Tag as a block, nor lets a block through its own base class go unclosed", async () => {
    const note = { "_plugins/note.rb": "class NoteTag < Liquid::Tag\nend\nLiquid::Template.register_tag('note', NoteTag)\n" };
    const plain = await buildTree({ ...note, "docs/p.md": page("A {% note hi %} B\n\n{% comment %}{% note x %}{% endnote %}{% endcomment %}\n") });
    expect(plain.diagnostics.items.map((d) => d.code)).toEqual(["liquid-ruby-tag"]);
    const tip = { "_plugins/tip.rb": "class BaseBlock < Liquid::Block\nend\nclass TipBlock < BaseBlock\nend\nLiquid::Template.register_tag('tip', TipBlock)\n" };
    const unclosed = await buildTree({ ...tip, "docs/p.md": page("{% tip %}Never closed.\n") });
    expect(unclosed.diagnostics.items).toEqual([expect.objectContaining({ severity: "error", message: expect.stringContaining("not closed") })]);
  });

  it("is not mentioned once a JavaScript plugin defines the filter", async () => {
    const build = await buildTree({
      ...ruby,
      "_plugins/shard-id.mjs": 'export default function (plugin) { plugin.filter("shard_id", (path) => path.split("/")[1]); }\n',
      "docs/p.md": page("{{ page.path | shard_id }}\n"),
    });
    expect(build.diagnostics.items).toEqual([]);
    expect(textOf(build)).toBe("<p>p.md</p>");
  });
});
