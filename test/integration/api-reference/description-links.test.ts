// Links and images in an API description's Markdown are checked like a guide's, and a broken one is reported at
// the line of the document that holds the description: the generated pages have no file of their own to name.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY_META_TAG } from "../../../src/render/content-security-policy.ts";
import { writeFiles } from "../../support/fixture-tree.ts";
import { runCli } from "../../support/run-cli.ts";

const SPEC_FILE = "docs/elements/scripty/openapi.yaml";
const SPEC = [
  "openapi: 3.0.3",
  "info:",
  "  title: Scripty",
  "  version: '1'",
  '  description: "Scripty API <img src=x onerror=alert(2)>"', // 5
  "tags:",
  "  - name: Things",
  "    description: |",
  "      The things.",
  "", //                                                            10
  "      See [the guide](no-such-guide.html).",
  "paths:",
  "  /things:",
  "    get:",
  "      operationId: listThings", //                             15
  "      tags: [Things]",
  "      description: Lists things; see [the overview](../api-reference.html#no-such-id).",
  "      responses:",
  "        '200': { description: OK }",
].join("\n");

interface Report {
  diagnostics: Array<{ file: string; line?: number; code: string; message: string }>;
}
let report: Report;

/** A tree of one element whose API document is `spec`. */
function treeWith(spec: string): string {
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-description-links-"));
  writeFiles(tree, {
    "_config.yml": "title: Test\n",
    "docs/elements/scripty/index.md": "---\nheading: Scripty\ntitle: Overview\nlayout: sidebarelementdoc\n---\n# Overview\n",
    [SPEC_FILE]: spec + "\n",
  });
  return tree;
}

beforeAll(async () => {
  const result = await runCli("check.ts", ["--source", treeWith(SPEC), "--format", "json"]);
  report = JSON.parse(result.stdout) as Report;
});

const about = (code: string) => report.diagnostics.filter((d) => d.code === code).map(({ file, line, code, message }) => ({ file, line, code, message }));

describe("a link or image in an API description", () => {
  it("that is missing is reported at the document's line of the description, not against a page that has no file", () => {
    expect(about("image-missing")).toEqual([expect.objectContaining({ file: SPEC_FILE, line: 5, message: expect.stringContaining('Missing image "x"') })]);
    // The tag's description is on the overview and on the tag's page, and its relative link starts from each.
    expect(about("link-broken")).toEqual([
      expect.objectContaining({ file: SPEC_FILE, line: 8, message: expect.stringContaining("/docs/elements/scripty/no-such-guide.html") }),
      expect.objectContaining({ file: SPEC_FILE, line: 8, message: expect.stringContaining("/docs/elements/scripty/api-reference/no-such-guide.html") }),
    ]);
    expect(about("link-anchor")).toEqual([expect.objectContaining({ file: SPEC_FILE, line: 17, message: expect.stringContaining("no-such-id") })]);
    expect(report.diagnostics.map((d) => d.message).join("\n")).not.toContain("made by the layout");
  });

  it("is raw HTML as in the guides: the page's policy, not the reference, keeps its script from running", async () => {
    // An image that exists (data: URLs are allowed) and fails to load, so the build succeeds.
    const tree = treeWith(SPEC.split("\n").slice(0, 5).join("\n").replace("src=x", "src='data:,'") + "\npaths: {}");
    const result = await runCli("build.ts", ["--source", tree, "--out", path.join(tree, "_site")]);
    expect(result.code, result.stdout).toBe(0);
    const html = fs.readFileSync(path.join(tree, "_site/docs/elements/scripty/api-reference.html"), "utf8");
    const policyAt = html.indexOf(CONTENT_SECURITY_POLICY_META_TAG);
    expect(policyAt).toBeGreaterThan(-1);
    expect(policyAt).toBeLessThan(html.indexOf("onerror"));
    const scriptSources = /script-src ([^;"]*)/.exec(CONTENT_SECURITY_POLICY_META_TAG)?.[1];
    expect(scriptSources).toContain("'self'");
    expect(scriptSources).not.toContain("unsafe-inline");
  });
});
