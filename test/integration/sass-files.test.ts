// A Jekyll theme's stylesheet is Sass with front matter (assets/css/main.scss importing _sass/ partials): it is
// compiled to CSS beside it, as Jekyll compiles it, so the pages linking it find it.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildWithFiles } from "../support/built-tree.ts";
import { jekyllCompatConfig } from "../support/fixture-tree.ts";

const PARTIAL = "$pad: 4px;\n@mixin box { padding: $pad; }\n";

describe("Sass files with front matter", () => {
  it("are compiled to CSS beside them: Liquid first, partials from _sass/, in the style _config.yml asks", async () => {
    const { out, result } = await buildWithFiles({
      "_config.yml": `${jekyllCompatConfig()}\nbrand: "#336699"\nsass:\n  style: compressed\n`,
      "_sass/_base.scss": PARTIAL,
      "assets/css/main.scss": '---\n---\n@import "base";\n.card { @include box; color: {{ site.brand }}; .title { font-weight: bold; } }\n',
      "docs/styled.md": "---\ntitle: Styled\n---\n\nSee [the stylesheet](/assets/css/main.css).\n",
    });
    expect(result.stderr).not.toMatch(/error|warning sass/);
    expect(result.code).toBe(0);
    expect(fs.readFileSync(path.join(out, "assets/css/main.css"), "utf8").trim()).toBe(".card{padding:4px;color:#369}.card .title{font-weight:bold}");
    expect(fs.existsSync(path.join(out, "assets/css/main.scss"))).toBe(false);
  }, 120_000);

  it("that do not compile are an error at the line Sass names, in the partial when it is there", async () => {
    const { result } = await buildWithFiles({
      "_sass/_base.scss": `${PARTIAL}.x { color: $nope; }\n`,
      "assets/css/main.scss": '---\n---\n@import "base";\n',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^_sass\/_base\.scss:3:\d+: error sass-error: assets\/css\/main\.scss does not compile to CSS: Undefined variable\./m);
  }, 120_000);
});
