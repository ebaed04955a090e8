// A site written in another language than English (`default_lang: de`) gets the API reference's words from its own
// language file, on the pages outside language folders too.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../../src/build/build-site.ts";
import { writeFiles } from "../../support/fixture-tree.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/openapi");

describe("reference labels of a site whose default language is not English", () => {
  it("come from the default language's _data/i18n file", async () => {
    const tree = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-reference-de-"));
    writeFiles(tree, {
      "_config.yml": "title: Test\ndefault_lang: de\n",
      "_data/hubs.yml": "- key: crm\n  name: CRM\n",
      "_data/i18n/de.yml": "reference:\n  responses: Antworten\n  parameters: Parameter\n",
      "docs/elements/acme-shop/index.md":
        "---\nheading: Acme Shop\ntitle: Überblick\nlayout: sidebarelementdoc\norder: 1\nbreadcrumbs: /docs/elements.html\nparent: Zurück\nhub: crm\n---\n# Überblick\n",
      "docs/elements/acme-shop/openapi.yaml": fs.readFileSync(path.join(FIXTURES, "every-construct.yaml"), "utf8"),
    });
    const site = await buildSite({ sourceDir: tree, workers: 0, cacheDir: false });
    const tagPages = site.outputs.filter((o) => /api-reference\/[^/]+\.html$/.test(o.outputPath));
    expect(tagPages.length).toBeGreaterThan(0);
    for (const page of tagPages) {
      expect(page.html).toContain(">Antworten<");
      expect(page.html).not.toContain(">Responses<");
    }
  });
});
