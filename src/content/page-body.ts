import { pageKeysRead } from "./page-keys-read.ts";
import type { SourcePage } from "./source-page.ts";

/**
 * Lets the body of a written page go, where it is the file's as read: kept for every page to the end of the build,
 * the bodies were a quarter of what a 10,000-page build held (25 MB). What the checks ask of it afterwards, which
 * of its front matter keys it reads, is noted first, from the body the page was rendered from: the file may have
 * changed since. Reading the body later is a mistake of ours and throws, naming the page; spreads and logs of the
 * page leave it out.
 */
export function releaseBody(page: SourcePage): void {
  if (!page.bodyFromFile || page.keysReadByBody) return;
  const read = pageKeysRead(page.body);
  page.keysReadByBody = Object.keys(page.data).filter((key) => read.has(key));
  Object.defineProperty(page, "body", {
    configurable: true,
    enumerable: false,
    get: () => {
      throw new Error(`The body of ${page.file} was let go once the page was written (src/content/page-body.ts); note what is needed of it in releaseBody`);
    },
  });
}
