// A tree laid out like the legacy portal, whose element tabs come from Ruby plugins (a shard_id filter and a
// generator of site.shards), built with the CLI: first as it is, then with the plugins ported to JavaScript.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeFiles } from "../../support/fixture-tree.ts";
import { runCli } from "../../support/run-cli.ts";

const SHARD_ID_RB = `# Turns docs/elements/<element>/<page>.md into <element>, the key site.shards groups pages by.
module ShardIdFilter
  def shard_id(input)
    input.to_s.split("/")[2]
  end
end

Liquid::Template.register_filter(ShardIdFilter)
`;

/** The port of the tree's ShardGenerator.rb: an element's pages under site.shards[<element folder>]. */
const SHARDS_MJS = `export default function (plugin) {
  plugin.site("shards", (site, pages) => {
    const shards = {};
    for (const page of pages) {
      const [docs, elements, element] = page.path.split("/");
      if (docs === "docs" && elements === "elements" && element) {
        (shards[element] ??= []).push({ url: page.url, title: page.data.title, order: page.data.order });
      }
    }
    return shards;
  });
}
`;

const SHARD_ID_MJS = `export default function (plugin) {
  plugin.filter("shard_id", (path) => String(path).split("/")[2] ?? "");
}
`;

/** The tab strip of the old theme, as an include of the element pages. */
const TABS = `{% assign id = page.path | shard_id %}{% assign shard = site.shards[id] | sort: "order" %}
<ul class="tabs">{% for tab in shard %}<li><a href="{{ tab.url }}">{{ tab.title }}</a></li>{% endfor %}</ul>
`;

const elementPage = (title: string, order: number) =>
  `---\nheading: Acme CRM\ntitle: ${title}\nlayout: none\norder: ${order}\n---\n{% include element-tabs.html %}\n\n${title} of Acme CRM.\n`;

function portalTree(config = "title: Acme Portal\nliquid:\n  error_mode: strict\n"): string {
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-plugins-"));
  writeFiles(tree, {
    "_config.yml": config,
    "_plugins/ShardIdFilter.rb": SHARD_ID_RB,
    "_plugins/shards.mjs": SHARDS_MJS,
    "_includes/element-tabs.html": TABS,
    "docs/elements/acme-crm/index.md": elementPage("Overview", 1),
    "docs/elements/acme-crm/events.md": elementPage("Events", 3),
    "docs/elements/acme-crm/setup.md": elementPage("Setup", 2),
  });
  return tree;
}

async function build(tree: string) {
  const out = path.join(tree, "_site");
  const result = await runCli("build.ts", ["--source", tree, "--out", out]);
  const html = (file: string) => (fs.existsSync(path.join(out, file)) ? fs.readFileSync(path.join(out, file), "utf8") : "");
  return { result, html };
}

describe("a legacy portal's Ruby plugins", () => {
  it("build as Jekyll would without them: the unknown filter passes through, with a warning naming the .rb file", async () => {
    const { result, html } = await build(portalTree());
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("_includes/element-tabs.html:1:28: warning liquid-unknown-filter: Unknown filter \"shard_id\"");
    expect(result.stderr).toContain("  included from docs/elements/acme-crm/");
    expect(result.stderr).toContain(
      "hint: shard_id was defined by _plugins/ShardIdFilter.rb (Ruby plugins do not run here): port it to " +
        '_plugins/shard-id.mjs as plugin.filter("shard_id", ...) — see README \'Plugins\'.',
    );
    // The filter passed the page's path through, which names no shard: no tabs, as Jekyll without the plugin.
    expect(html("docs/elements/acme-crm/events.html")).toContain('<ul class="tabs"></ul>');
  });

  it("fail the build when _config.yml sets strict_filters", async () => {
    const tree = portalTree("title: Acme Portal\nliquid:\n  error_mode: strict\n  strict_filters: true\n");
    const { result } = await build(tree);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("_includes/element-tabs.html:1:28: error liquid-unknown-filter");
  });

  it("once ported to _plugins/*.mjs, draw the element's tabs in order with no warning", async () => {
    const tree = portalTree();
    writeFiles(tree, { "_plugins/shard-id.mjs": SHARD_ID_MJS });
    const { result, html } = await build(tree);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain("liquid-unknown-filter");
    expect(html("docs/elements/acme-crm/events.html")).toContain(
      '<ul class="tabs"><li><a href="/docs/elements/acme-crm/index.html">Overview</a></li>' +
        '<li><a href="/docs/elements/acme-crm/setup.html">Setup</a></li>' +
        '<li><a href="/docs/elements/acme-crm/events.html">Events</a></li></ul>',
    );
  });

  it("a ported plugin with a syntax error fails the build at its file and line, not with a stack trace", async () => {
    const tree = portalTree();
    writeFiles(tree, { "_plugins/shard-id.mjs": SHARD_ID_MJS.replace("\n}\n", "\n}}\n") });
    const { result } = await build(tree);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^_plugins\/shard-id\.mjs:3(:\d+)?: error plugin-error: The plugin could not be loaded: Unexpected token/m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
