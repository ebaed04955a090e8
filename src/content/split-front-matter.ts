// The js-yaml 3 gray-matter depends on, the same copy (the bundle holds it once).
import yamlThree from "gray-matter/node_modules/js-yaml/index.js";
import { PSYCH_BOOLEAN, PSYCH_TIMESTAMP } from "../text/jekyll-yaml.ts";

/**
 * gray-matter's own YAML parser, js-yaml 3's safeLoad. The project's js-yaml 4 reads some values otherwise (and
 * words its errors otherwise), so front matter must keep going through this one: with Psych's booleans, as
 * Jekyll reads front matter (src/text/jekyll-yaml.ts).
 */
const frontMatterYaml = yamlThree as unknown as YamlThree;
const FRONT_MATTER_SCHEMA = new frontMatterYaml.Schema({
  include: [frontMatterYaml.DEFAULT_SAFE_SCHEMA],
  implicit: [new frontMatterYaml.Type("tag:yaml.org,2002:bool", PSYCH_BOOLEAN), new frontMatterYaml.Type("tag:yaml.org,2002:timestamp", PSYCH_TIMESTAMP)],
});
const parseYaml = (text: string): unknown => frontMatterYaml.safeLoad(text, { schema: FRONT_MATTER_SCHEMA });

/** The parts of js-yaml 3 used here (the project's types are js-yaml 4's). */
interface YamlThree {
  Schema: new (definition: { include: unknown[]; implicit: unknown[] }) => unknown;
  Type: new (tag: string, options: typeof PSYCH_BOOLEAN | typeof PSYCH_TIMESTAMP) => unknown;
  DEFAULT_SAFE_SCHEMA: unknown;
  safeLoad(text: string, options: { schema: unknown }): unknown;
}

/** Comment lines, which gray-matter strips before deciding that a block is empty. */
const COMMENT_LINES = /^\s*#[^\n]+/gm;

/**
 * The data and content gray-matter 4.0.3's `matter(text, {})` gives for a text that starts with `---` and a line
 * break, without what it does besides for every file: encode the whole text into a Buffer, look the text up in its
 * cache (which hashes all of it), define properties, look for an excerpt. On 20,000 pages that was most of the
 * time spent reading front matter. Its rules, quirks included:
 * - the block runs from the end of the opening `---` to the first "\n---" (a `----` or `---x` line closes it too),
 *   or to the end of the text when there is none, and then there is no content;
 * - a block of blanks and `#` comments is data {}, and so is YAML that reads as null;
 * - the content starts after the closing `---`, less one "\r" and then one "\n".
 * A YAML error is thrown as js-yaml throws it, its mark counted from the end of the opening `---` (line 0 is
 * the file's line 1), as gray-matter hands js-yaml the same text.
 */
/** A whole front matter block at a file's start (its closing line `---`, or YAML's `...`): what makes a file a page. */
export const FRONT_MATTER_BLOCK = /^---\r?\n(?:[\s\S]*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

export function splitFrontMatter(text: string): { data: unknown; content: string } {
  const rest = text.slice(3);
  const close = closingLine(rest);
  const block = close === -1 ? rest : rest.slice(0, close);
  const data = block.replace(COMMENT_LINES, "").trim() === "" ? {} : parseYaml(block);
  let content = close === -1 ? "" : rest.slice(close + 4);
  if (content[0] === "\r") content = content.slice(1);
  if (content[0] === "\n") content = content.slice(1);
  return { data: data ?? {}, content };
}

/**
 * Where the block ends in the text after the opening `---` (-1 when nothing closes it): at the first "\n---", as gray-matter ends it, or at a line of `...` before that, YAML's end of
 * a document, which Jekyll takes as the close too (gray-matter did not, and read the page's text as YAML).
 */
export function closingLine(rest: string): number {
  const dashes = rest.indexOf("\n---");
  const dots = rest.search(/\n\.\.\.[ \t]*(?:\r?\n|$)/);
  return dots !== -1 && (dashes === -1 || dots < dashes) ? dots : dashes;
}
