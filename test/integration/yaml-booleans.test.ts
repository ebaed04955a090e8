// YAML as Jekyll reads it (Ruby's Psych): yes/no and on/off are booleans in _config.yml, _data and front matter,
// so that `show_banner: no` hides the banner, as it did in Jekyll; quoted, they stay text.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildWithFiles } from "../support/built-tree.ts";
import { jekyllCompatConfig } from "../support/fixture-tree.ts";
import { HtmlPage } from "../support/html-page.ts";

describe("YAML's yes, no, on and off", () => {
  it("are booleans wherever Jekyll reads YAML, and text when quoted", async () => {
    const config = jekyllCompatConfig();
    const { out, result } = await buildWithFiles({
      "_config.yml": `${config}\nshow_banner: no\nbanner_word: "no"\n`,
      "_data/switches.yml": "dark_mode: On\nbeta: NO\n",
      "docs/switches.md": [
        "---",
        "title: Switches",
        "toc: off",
        "answer: 'yes'",
        "---",
        "",
        "Banner [{% if site.show_banner %}SHOWN{% endif %}], word {{ site.banner_word }}.",
        "",
        "Toc [{% if page.toc %}SHOWN{% endif %}], answer {{ page.answer }}.",
        "",
        "Dark {{ site.data.switches.dark_mode }}, beta {{ site.data.switches.beta }}.",
        "",
      ].join("\n"),
      "docs/draft.md": "---\ntitle: Draft\npublished: no\n---\n\nNot yet.\n",
    });
    expect(result.code, result.stderr).toBe(0);
    const text = HtmlPage.read(out, "docs/switches.html").text("article");
    expect(text).toContain("Banner [], word no.");
    expect(text).toContain("Toc [], answer yes.");
    expect(text).toContain("Dark true, beta false.");
    // `published: no` keeps the page out, as in Jekyll, rather than failing the check.
    expect(fs.existsSync(path.join(out, "docs/draft.html"))).toBe(false);
  }, 120_000);
});
