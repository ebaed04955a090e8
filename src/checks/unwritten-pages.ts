import fs from "node:fs";
import path from "node:path";
import { outputPathFor, urlFor } from "../content/urls.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

/**
 * A Markdown file without front matter is a fragment for `{% include_relative %}`, never a page. One that no page
 * includes was most likely meant as a page whose front matter got lost (or a page emptied by mistake): its URL
 * would vanish from the site without a word, so say so. Fragments some page includes stay silent.
 */
export function checkUnwrittenPages(input: {
  sourceDir: string;
  /** Markdown files without front matter, relative to the source root. */
  fragments: readonly string[];
  /** Every partial the rendered pages pulled in (absolute paths). */
  included: Iterable<string>;
  /**
   * True when a page failed to load or render: what it includes is unknown, so a fragment may be its, and
   * saying "nobody includes this" would send the writer the wrong way. The warning comes once the page renders.
   */
  somePageFailed: boolean;
}): Diagnostic[] {
  if (input.somePageFailed) return [];
  const included = new Set(input.included);
  const diagnostics: Diagnostic[] = [];
  for (const file of input.fragments) {
    const absPath = path.join(input.sourceDir, file);
    if (included.has(absPath) || included.has(realPath(absPath))) continue;
    const empty = fs.readFileSync(absPath, "utf8").trim() === "";
    const url = urlFor(outputPathFor(file));
    // Without a root index.md page the generated home page takes its address.
    const lost = file === "index.md" ? `the generated home page is written at ${url} instead` : `no page is written at ${url}`;
    diagnostics.push({
      file,
      line: 1,
      severity: "warning",
      code: "page-without-front-matter",
      message: `${lost}: the file ${empty ? "is empty" : "has no front matter"} (add --- ... --- to publish it, or include it from a page)`,
      hint:
        "A Markdown file starts with front matter (a --- line, keys such as title:, a --- line) to be a page; " +
        "without it, it is a fragment for {% include_relative %}, and no page includes this one.",
    });
  }
  return diagnostics;
}

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}
