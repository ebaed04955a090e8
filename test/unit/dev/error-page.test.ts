// The preview's error page shows the lines around a problem as they can be read: control characters as their
// symbols, never raw, and a line of megabytes cut.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { errorPage } from "../../../src/dev/error-page.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-error-page-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const pageFor = (text: string) => {
  fs.writeFileSync(path.join(dir, "page.md"), text);
  return errorPage({ url: "/page.html", sourceDir: dir, diagnostics: [{ file: "page.md", line: 2, severity: "error", code: "front-matter", message: "Bad" }] });
};

it("shows control characters of a binary page as their symbols", () => {
  const html = pageFor("---\n\x00\x01PNG\x1b[31m\tred\x7f\x85\n---\n");
  expect(html).toContain("␀␁PNG␛[31m\tred␡\ufffd");
  expect(html).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
});

it("cuts a very long line", () => {
  const html = pageFor(`---\n${"x".repeat(100_000)}\n---\n`);
  expect(html).toContain(`${"x".repeat(300)}…`);
  expect(html).not.toContain("x".repeat(301));
});
