// Guides link to operations and schemas by their heading ids: the build's anchor check knows the reference's ids,
// so a link to an operation the document does not have is a broken anchor, at the guide's line.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeFiles } from "../../support/fixture-tree.ts";
import { runCli } from "../../support/run-cli.ts";

const SPEC = fs.readFileSync(path.resolve(import.meta.dirname, "../../fixtures/openapi/every-construct.yaml"), "utf8");
const front = (title: string) => `---\nheading: Acme Shop\ntitle: ${title}\nlayout: sidebarelementdoc\n---\n`;

const ORDERS = [
  `${front("Orders")}# Orders`,
  "",
  "[List them](api-reference/orders.html#listorders), see [an order](api-reference.html#schema-order).",
  "",
  "[Cancel one](api-reference/orders.html#cancelorder).",
  "",
].join("\n");
const CANCEL_LINE = ORDERS.split("\n").findIndex((line) => line.includes("#cancelorder")) + 1;

interface Report {
  errorCount: number;
  diagnostics: Array<{ file: string; line?: number; code: string; message: string }>;
}
let report: Report;

beforeAll(async () => {
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-reference-links-"));
  writeFiles(tree, {
    "_config.yml": "title: Test\n",
    "docs/elements/acme-shop/index.md": `${front("Overview")}# Overview\n`,
    "docs/elements/acme-shop/orders.md": ORDERS,
    // The fixture's deliberate broken $ref is not what this test is about.
    "docs/elements/acme-shop/openapi.yaml": SPEC.replace("#/components/schemas/Cupon", "#/components/schemas/Line"),
  });
  const result = await runCli("check.ts", ["--source", tree, "--format", "json"]);
  report = JSON.parse(result.stdout) as Report;
});

describe("links from a guide into the reference", () => {
  it("to an operation and a schema that exist are fine", () => {
    const messages = report.diagnostics.map((d) => d.message).join("\n");
    expect(messages).not.toContain("#listorders");
    expect(messages).not.toContain("#schema-order");
  });

  it("to an operation that does not exist are a broken-anchor error at the link's line", () => {
    const broken = report.diagnostics.filter((d) => d.code === "link-anchor");
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({ file: "docs/elements/acme-shop/orders.md", line: CANCEL_LINE });
    expect(broken[0].message).toContain("cancelorder");
    expect(report.errorCount).toBe(1);
  });
});
