import path from "node:path";
import matter from "gray-matter";
import { DiagnosticError, type Diagnostic, type DiagnosticList } from "../diagnostics/diagnostic.ts";
import { DirectoryData, isDirectoryDataFile } from "./directory-data.ts";
import { fileInside, filesInside, sourceBound } from "./inside-tree.ts";
import type { SourcePage } from "./source-page.ts";
import { readText } from "./read-text.ts";
import { outputPathFor, urlFor } from "./urls.ts";

export interface LoadedContent {
  pages: SourcePage[];
  /** Non-Markdown files under docs/ (images, JSON downloads), copied to the site as they are. */
  staticFiles: string[];
  /** Markdown files without front matter: fragments pulled in by includes, never pages. */
  fragments: string[];
  /** Pages left out with `published: false`. */
  unpublished: string[];
}

const ELEMENT_PAGE = /^docs\/elements\/([^/]+)\/[^/]+\.md$/;
/** TypeScript beside the content (helpers, tests) is source, never a download: issue 6, "Output hygiene". */
const SOURCE_CODE = /\.(?:[cm]?ts|tsx)$/;

/** Finds every page of a source tree: `docs/**\/*.md` and a root `index.md`, in a stable order. */
export function loadPages(sourceDir: string, diagnostics: DiagnosticList): LoadedContent {
  const result: LoadedContent = { pages: [], staticFiles: [], fragments: [], unpublished: [] };
  const candidates = listFiles(sourceDir, diagnostics);

  const directoryData = new DirectoryData(sourceDir, diagnostics);
  for (const file of candidates) {
    if (!file.endsWith(".md")) {
      if (!SOURCE_CODE.test(file) && !isDirectoryDataFile(file)) result.staticFiles.push(file);
      continue;
    }
    const absPath = path.join(sourceDir, file);
    let parsed: ReturnType<typeof readFrontMatter>;
    try {
      parsed = readFrontMatter(readText(absPath, file), file);
    } catch (error) {
      if (!(error instanceof DiagnosticError)) throw error;
      diagnostics.add(error.diagnostic);
      continue;
    }
    if (!parsed) {
      result.fragments.push(file);
      continue;
    }
    const data = { ...directoryData.forPage(file), ...parsed.data };
    if (data.published === false) {
      result.unpublished.push(file);
      continue;
    }
    result.pages.push(sourcePage(sourceDir, file, data, parsed));
  }
  return result;
}

/** A page of the tree from its merged front matter and its parsed file. */
export function sourcePage(
  sourceDir: string,
  file: string,
  data: Record<string, unknown>,
  parsed: { body: string; keyLines: Record<string, number> },
): SourcePage {
  const outputPath = outputPathFor(file);
  return {
    file,
    absPath: path.join(sourceDir, file),
    data,
    body: parsed.body,
    keyLines: parsed.keyLines,
    url: urlFor(outputPath),
    outputPath,
    elementFolder: ELEMENT_PAGE.exec(file)?.[1],
  };
}

/**
 * A root index.md, then the files below docs/ (sorted, names starting with `_` or `.` skipped), relative to
 * sourceDir. Symlinks are followed while they stay in the tree; one that leads out of it, nowhere, or round in a
 * loop is reported and left out (src/content/inside-tree.ts).
 */
function listFiles(sourceDir: string, diagnostics: DiagnosticList): string[] {
  const tree = sourceBound(sourceDir);
  const report = (diagnostic: Diagnostic) => diagnostics.add(diagnostic);
  const hidden = (name: string) => name.startsWith(".") || name.startsWith("_");
  const docs = filesInside(path.join(sourceDir, "docs"), tree, report, hidden).map(({ rel }) => `docs/${rel}`);
  const index = fileInside(path.join(sourceDir, "index.md"), tree, report) ? ["index.md"] : [];
  return [...index, ...docs.sort()];
}

/** Front matter and body, or undefined for a fragment (no front matter). */
export function readFrontMatter(
  text: string,
  file: string,
): { data: Record<string, unknown>; body: string; keyLines: Record<string, number> } | undefined {
  if (!/^---\r?\n/.test(text)) return undefined;
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options turns off gray-matter's cache, which would keep every page's text alive.
    parsed = matter(text, {});
  } catch (error) {
    throw new DiagnosticError(frontMatterError(error, file));
  }
  const header = text.slice(0, text.length - parsed.content.length);
  return {
    data: (parsed.data ?? {}) as Record<string, unknown>,
    body: "\n".repeat(countLines(header)) + parsed.content,
    keyLines: topLevelKeyLines(header),
  };
}

function frontMatterError(error: unknown, file: string): Diagnostic {
  const yamlError = error as { mark?: { line: number; column: number }; reason?: string; message: string };
  return {
    file,
    // gray-matter hands js-yaml the text from the end of the opening `---` on, so mark line 0 is file line 1.
    line: yamlError.mark ? yamlError.mark.line + 1 : 1,
    column: yamlError.mark ? yamlError.mark.column + 1 : undefined,
    severity: "error",
    code: "front-matter-yaml",
    message: `Front matter is not valid YAML: ${yamlError.reason ?? yamlError.message.split("\n")[0]}`,
    hint: "Check the indentation, and quote values that contain a colon or start with a special character.",
  };
}

function topLevelKeyLines(header: string): Record<string, number> {
  const lines: Record<string, number> = {};
  header.split("\n").forEach((line, index) => {
    const key = /^([A-Za-z0-9_-]+)\s*:/.exec(line)?.[1];
    if (key && !(key in lines)) lines[key] = index + 1;
  });
  return lines;
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) count++;
  return count;
}
