import fs from "node:fs";
import path from "node:path";
import { destinationFor, outputPathFor } from "../content/urls.ts";

/** A `permalink:` line of front matter, its value a plain path (quoted or not, a comment after it). */
const PERMALINK = /^permalink:[ \t]*(["']?)(\/[^"'\s#]*)\1[ \t]*(?:#.*)?$/m;

/**
 * Where the error page of a page whose front matter did not load goes: at the address its file name gives, and at
 * its `permalink:` when that line can still be read. A pretty URL (`/guide/`) otherwise answered 404, or the dev
 * server's redirect to the file name's address, until the page was fixed.
 */
export function unloadedOutputPaths(sourceDir: string, file: string, markdownExts: readonly string[]): string[] {
  const paths = [outputPathFor(file, markdownExts)];
  const permalink = permalinkOf(path.join(sourceDir, file));
  if (permalink !== undefined) {
    const outputPath = destinationFor(permalink, ".html");
    if (!paths.includes(outputPath)) paths.push(outputPath);
  }
  return paths;
}

/** The permalink its front matter's lines still give, when it is a plain path (no `:title`-like placeholders). */
function permalinkOf(file: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  if (!/^---[ \t]*\r?\n/.test(text)) return undefined;
  const body = text.slice(text.indexOf("\n") + 1);
  const end = /^(?:---|\.\.\.)[ \t]*\r?$/m.exec(body);
  const permalink = PERMALINK.exec(end ? body.slice(0, end.index) : body)?.[2];
  return permalink === undefined || permalink.includes(":") || permalink.split("/").includes("..") ? undefined : permalink;
}
