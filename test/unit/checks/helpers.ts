import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkSite } from "../../../src/checks/check-site.ts";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.ts";
import { buildSite } from "../../../src/build/build-site.ts";
import { writeFiles } from "../../support/fixture-tree.ts";

/** A small source tree in a temporary folder. */
export function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-checks-"));
  writeFiles(dir, files);
  return dir;
}

/** Builds a tree in memory, runs every check, and returns the diagnostics in report order. */
export async function checkFiles(files: Record<string, string>): Promise<Diagnostic[]> {
  // Our layouts link every page to the catalog: trees under test have one.
  const catalog = { "docs/elements.md": "---\ntitle: Element Guides\nlayout: sidebarelementtile\n---\n" };
  const build = await buildSite({ sourceDir: tree({ ...catalog, ...files }), workers: 0 });
  checkSite(build);
  return build.diagnostics.sorted();
}

/** A page with front matter; `layout: none` keeps the layout's own links out of the way. */
export const page = (body: string, front = "title: T\nlayout: none") => `---\n${front}\n---\n${body}`;

/** Just what a test compares: where, and which check. */
export const where = (d: Diagnostic) => ({ file: d.file, line: d.line, code: d.code });
