import path from "node:path";
import { checkSite } from "../../../src/checks/check-site.ts";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.ts";
import { buildSite } from "../../../src/build/build-site.ts";
import { HtmlPage } from "../../support/html-page.ts";
import { copyTree, writeFiles } from "../../support/fixture-tree.ts";

/** One element, `acme`, with an OpenAPI document and a guide whose examples all fit it (see its README). */
export const GUIDE_EXAMPLES = path.resolve(import.meta.dirname, "../../fixtures/guide-examples");

/** The fixture's Overview page front matter, for pages a test writes beside it. */
export const ACME_FRONT = "heading: Acme\nlayout: none";

/** A page of the acme element with this body. */
export function acmePage(title: string, body: string, front = ""): string {
  return `---\n${ACME_FRONT}\ntitle: ${title}\n${front}---\n${body}`;
}

export interface GuideBuild {
  diagnostics: Diagnostic[];
  /** The written HTML of a source page. */
  html(file: string): HtmlPage;
  /** A written file that is not a page's HTML, such as a Markdown twin (`docs/elements/acme/index.md`). */
  output(outputPath: string): string;
}

/** Builds a copy of the fixture with `files` added or replaced, and runs every check, as `npm run build` does. */
export async function buildGuide(files: Record<string, string> = {}, options: { baseurl?: string } = {}): Promise<GuideBuild> {
  const tree = copyTree(GUIDE_EXAMPLES);
  writeFiles(tree, files);
  const build = await buildSite({ sourceDir: tree, workers: 0, cacheDir: false, ...options });
  checkSite(build);
  return {
    diagnostics: build.diagnostics.sorted(),
    html(file) {
      const page = build.rendered.find((rendered) => rendered.file === file);
      if (!page) throw new Error(`${file} was not rendered`);
      return new HtmlPage(page.html);
    },
    output(outputPath) {
      const output = build.outputs.find((o) => o.outputPath === outputPath);
      if (!output) throw new Error(`${outputPath} was not written`);
      return output.html;
    },
  };
}

/** Where a diagnostic points and what it is, as a writer reads it: `docs/x.md:12:5 example-schema`. */
export const at = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.code}`;

/** The diagnostics of the checks this folder tests. */
export const exampleProblems = (diagnostics: Diagnostic[]) =>
  diagnostics.filter((d) => ["operation-unknown", "example-response", "example-schema", "json-example"].includes(d.code));
