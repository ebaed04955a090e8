// Every element's OpenAPI document is read once per build, into the site model the pages render against.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../../src/build/build-site.ts";
import { writeFiles } from "../../support/fixture-tree.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/openapi");
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), "utf8");
const page = (title: string, extra = "") => `---\nheading: Acme\ntitle: ${title}\nlayout: element\n${extra}---\n# ${title}\n`;

async function build(files: Record<string, string>) {
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-references-"));
  writeFiles(tree, { "_config.yml": "title: Test\n", ...files });
  return buildSite({ sourceDir: tree, workers: 0, cacheDir: false });
}

describe("the site model's references", () => {
  it("holds the reference of each element with a document, by element folder", async () => {
    const site = await build({
      "docs/elements/acme/index.md": page("Overview"),
      "docs/elements/acme/openapi.yaml": fixture("contacts.yaml"),
      "docs/elements/legacy/index.md": page("Overview"),
      "docs/elements/legacy/swagger.json": fixture("contacts-swagger2.json"),
      "docs/elements/plain/index.md": page("Overview"),
    });
    const references = site.model!.references;
    expect([...references.keys()]).toEqual(["acme", "legacy"]);
    expect(references.get("acme")!.title).toBe("Acme Contacts");
    expect(references.get("legacy")!.specVersion).toBe("2.0");
  });

  it("reports the document's mistakes at their lines, in the build's diagnostics", async () => {
    const site = await build({ "docs/elements/acme/index.md": page("Overview"), "docs/elements/acme/openapi.yaml": fixture("contacts.yaml") });
    const codes = site.diagnostics.items.map((d) => `${d.file}:${d.line} ${d.code}`);
    expect(codes).toContain("docs/elements/acme/openapi.yaml:156 openapi-ref");
    expect(codes).toContain("docs/elements/acme/openapi.yaml:104 openapi-invalid");
  });

  it("follows openapi: in front matter, and reports one that names a missing file at its line", async () => {
    const site = await build({
      "docs/elements/acme/index.md": page("Overview", "openapi: api/contacts.yaml\n"),
      "docs/elements/acme/api/contacts.yaml": fixture("contacts.yaml"),
      "docs/elements/other/index.md": page("Overview", "openapi: nothing.yaml\n"),
    });
    expect(site.model!.references.get("acme")!.file).toBe("docs/elements/acme/api/contacts.yaml");
    expect(site.model!.references.has("other")).toBe(false);
    const missing = site.diagnostics.items.find((d) => d.code === "openapi-location");
    expect(missing).toMatchObject({ file: "docs/elements/other/index.md", line: 5 });
    // The key is known to the front matter check.
    expect(site.diagnostics.items.filter((d) => d.code === "front-matter-unknown-key")).toEqual([]);
  });
});
