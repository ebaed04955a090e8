// `languages:` as writers type it: codes in capitals are the same languages (BCP 47 ignores case), and a list
// that leaves out the default language says so at its line.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../../src/build/build-site.ts";
import { HtmlPage } from "../../support/html-page.ts";
import { writeFiles } from "../../support/fixture-tree.ts";

const overview = (title: string) => `---\nheading: Acme\ntitle: ${title}\nlayout: sidebarelementdoc\n---\n# ${title}\n\nAcme, with contacts.\n`;

async function build(config: string) {
  const sourceDir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-languages-"));
  writeFiles(sourceDir, {
    "_config.yml": `title: Acme guides\n${config}`,
    "docs/elements/acme/index.md": overview("Overview"),
    "docs/elements/acme/ko/index.md": overview("개요"),
  });
  const site = await buildSite({ sourceDir, workers: 0, cacheDir: false });
  const html = (file: string) => new HtmlPage(site.rendered.find((page) => page.file === file)!.html);
  return { diagnostics: site.diagnostics.sorted(), html };
}

describe("language codes in _config.yml", () => {
  it("are read in any case: languages: [EN, KO] makes the ko/ folder Korean pages", async () => {
    const site = await build("languages: [EN, KO]\n");
    expect(site.diagnostics).toEqual([]);
    expect(site.html("docs/elements/acme/ko/index.md").one("html").attribs.lang).toBe("ko");
    expect(site.html("docs/elements/acme/index.md").one("html").attribs.lang).toBe("en");
  });

  it("report a list without the default language at its line, with what to do", async () => {
    const site = await build("languages: [de, ko]\n");
    const problems = site.diagnostics.filter((d) => d.code === "config-value");
    expect(problems.map((d) => `${d.file}:${d.line} ${d.severity} ${d.message}`)).toEqual([
      "_config.yml:2 error languages: [de, ko] leaves out en, the language of the pages outside language folders (default_lang: is not set)",
    ]);
    expect(problems[0].hint).toBe("Add en to languages:, or set default_lang: to the language of the pages outside language folders.");
  });
});
