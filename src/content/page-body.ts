import { readFrontMatter } from "./load-pages.ts";
import { readText } from "./read-text.ts";
import type { SourcePage } from "./source-page.ts";

/**
 * Lets the body of a written page go, where it is the file's as read: kept for every page to the end of the build,
 * the bodies were a quarter of what a 10,000-page build held (25 MB). Whatever still asks for it afterwards (the
 * front matter check, for a page with a key no schema knows) has it read again from the file, once; a file that is
 * gone or broken since gives an empty body.
 */
export function releaseBody(page: SourcePage): void {
  if (!page.bodyFromFile) return;
  let body: string | undefined;
  Object.defineProperty(page, "body", {
    configurable: true,
    enumerable: true,
    get: () => (body ??= bodyOf(page)),
    set: (value: string) => void (body = value),
  });
}

/** The body as src/content/load-pages.ts reads it: a post may have no front matter, and is then all body. */
function bodyOf(page: SourcePage): string {
  try {
    const text = readText(page.absPath, page.file);
    return readFrontMatter(text, page.file)?.body ?? text;
  } catch {
    return "";
  }
}
