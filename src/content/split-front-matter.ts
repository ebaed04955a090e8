import matter from "gray-matter";
import yaml from "js-yaml";
import { GRAY_MATTER_SCHEMA } from "./yaml-1-1-types.ts";

/**
 * The front matter and the content after it of a text that starts with `---` and a line break, exactly as
 * gray-matter 4 splits and reads them: the block ends at the first line that starts with `---` (or runs to the end),
 * one line break after that line's `---` is dropped, and a block of nothing but comments is `{}` without parsing.
 * Done here because gray-matter's js-yaml 3 took twice as long as js-yaml 4 on a large site's front matter.
 */
export function splitFrontMatter(text: string): { data: unknown; content: string } {
  const afterOpening = text.slice(3);
  const close = afterOpening.indexOf("\n---");
  if (close === -1) return { data: readBlock(afterOpening, text), content: "" };
  let content = afterOpening.slice(close + 4);
  if (content[0] === "\r") content = content.slice(1);
  if (content[0] === "\n") content = content.slice(1);
  return { data: readBlock(afterOpening.slice(0, close), text), content };
}

/**
 * A tag, anchor or alias (`!x`, `&x`, `*x`) starting a token. js-yaml 4 reads some of these that js-yaml 3 refused
 * (`&a key: value` at the start of a mapping), so a block with one is left to gray-matter; front matter rarely has any.
 */
const NODE_PROPERTY = /(?:^|[\s,[{])[!&*]/;

/** The block's YAML, starting with the line break after the opening `---` so that mark line 0 is file line 1. */
function readBlock(block: string, text: string): unknown {
  if (block.replace(/^\s*#[^\n]+/gm, "").trim() === "") return {};
  if (!NODE_PROPERTY.test(block)) {
    try {
      return yaml.load(block, { schema: GRAY_MATTER_SCHEMA }) ?? {};
    } catch {
      // js-yaml 4 refuses some YAML that js-yaml 3 reads (tabs in indentation) and words or places some errors
      // differently: gray-matter has the last word, so writers keep the values and messages they had.
    }
  }
  // Passing options turns off gray-matter's cache, which would keep every page's text alive.
  return matter(text, {}).data ?? {};
}
