// API-docs pages whose only content was the old Swagger UI (issue 10, point 12): with our theme they show a notice
// instead of an empty shell, and the build reports them once, as one group.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkSite } from "../../../src/checks/check-site.ts";
import { buildSite, type SiteBuild } from "../../../src/build/build-site.ts";
import { copyTree, writeFiles } from "../../support/fixture-tree.ts";
import { HtmlPage } from "../../support/html-page.ts";
import { runCli } from "../../support/run-cli.ts";

const FIXTURE = path.resolve(import.meta.dirname, "../../fixtures/legacy-portal");
const NOTICE = "The API reference for Brightline CRM is not part of this site yet. Its old page loaded the Swagger UI from a live server.";
const BRIGHTLINE = ["docs/elements/brightline-crm/api-docs.html", "docs/elements/brightline-crm/ko/api-docs.html"];

/** The fixture's pages that hold nothing but the Swagger UI include, counted from the files themselves. */
function swaggerOnlyPages(tree: string): string[] {
  return fs
    .readdirSync(path.join(tree, "docs/elements"), { recursive: true, encoding: "utf8" })
    .map((rel) => `docs/elements/${rel.split(path.sep).join("/")}`)
    .filter((file) => file.endsWith(".md"))
    .filter((file) => {
      const text = fs.readFileSync(path.join(tree, file), "utf8");
      return /^layout: (sidebarapidocs|swagger-only)$/m.test(text) && /^---\n[\s\S]*?\n---\n\s*\{% include swagger\.html %\}\s*$/.test(text);
    })
    .sort();
}

async function build(tree: string): Promise<SiteBuild> {
  const result = await buildSite({ sourceDir: tree, workers: 0, cacheDir: false });
  checkSite(result);
  return result;
}

const html = (result: SiteBuild, outputPath: string) => result.outputs.find((o) => o.outputPath === outputPath)?.html ?? "";
const grouped = (result: SiteBuild) => result.diagnostics.items.filter((d) => d.code === "legacy-swagger-page");

describe("the legacy portal's Swagger-only API-docs pages", () => {
  let tree: string;
  let result: SiteBuild;
  beforeAll(async () => {
    tree = copyTree(FIXTURE);
    result = await build(tree);
  });

  it("show a notice naming the element in place of the old Swagger UI, in English and Korean pages alike", () => {
    for (const file of BRIGHTLINE) {
      const page = new HtmlPage(html(result, file));
      expect(page.text("article [role=note]"), file).toBe(NOTICE);
      expect(page.html, file).not.toMatch(/swagger-ui-container|swaggerUrl|api\.northwind\.test/);
    }
  });

  it("are reported once, as one warning that counts them and names the first few", () => {
    const pages = swaggerOnlyPages(tree);
    expect(pages.length).toBeGreaterThan(3);
    const [report] = grouped(result);
    expect(grouped(result)).toHaveLength(1);
    expect(report).toMatchObject({ file: pages[0], severity: "warning" });
    expect(report.message).toBe(
      `${pages.length} API-docs pages only load the old Swagger UI and show a notice instead: ` +
        `${pages.slice(0, 3).join(", ")} and ${pages.length - 3} more`,
    );
    expect(report.hint).toContain("docs/elements/<element>/openapi.yaml");
  });

  it("print that one report once in the CLI's output", { timeout: 60_000 }, async () => {
    const cli = await runCli("check.ts", ["--source", tree]);
    expect((cli.stdout + cli.stderr).match(/legacy-swagger-page/g)).toHaveLength(1);
  });
});

describe("an element with an OpenAPI description in its folder", () => {
  it("keeps its API-docs pages out of the notice and the report", async () => {
    const tree = copyTree(FIXTURE);
    const before = swaggerOnlyPages(tree).length;
    writeFiles(tree, { "docs/elements/brightline-crm/openapi.yaml": "openapi: 3.0.0\ninfo: { title: Brightline CRM, version: '1' }\npaths: {}\n" });
    const result = await build(tree);
    for (const file of BRIGHTLINE) expect(html(result, file), file).not.toContain(NOTICE);
    expect(grouped(result)[0].message).toMatch(new RegExp(`^${before - BRIGHTLINE.length} API-docs pages`));
  });
});

describe("a tree that uses its own layouts", () => {
  it("keeps its Swagger UI include, as Jekyll rendered it, and reports nothing", async () => {
    const tree = copyTree(FIXTURE);
    fs.appendFileSync(path.join(tree, "_config.yml"), "\nelement_guides:\n  layouts: own\n");
    const result = await build(tree);
    expect(html(result, BRIGHTLINE[0])).toContain('id="swagger-ui-container"');
    expect(html(result, BRIGHTLINE[0])).not.toContain(NOTICE);
    expect(grouped(result)).toEqual([]);
  });
});
