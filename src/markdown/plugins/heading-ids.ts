import GithubSlugger, { slug } from "github-slugger";
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { KramdownIds } from "../kramdown-ids.ts";
import type { MarkdownEnv } from "../markdown-env.ts";

export interface Heading {
  level: number;
  /** Plain text of the heading, as the id was computed from it. */
  text: string;
  id: string;
}

/** What this plugin keeps on `env` during and after a render. */
export interface HeadingIdsEnv extends Partial<MarkdownEnv> {
  slugger?: { slug(text: string): string };
  headings?: Heading[];
  /** Every heading's text by its id, those kept out of the table of contents too (the first of two alike). */
  headingTexts?: Map<string, string>;
}

/**
 * Gives every heading a GitHub-style `id` (kramdown's own with `style: "kramdown"`, src/markdown/kramdown-ids.ts);
 * repeats on the page get `-1`, `-2`, ... `prefix` (kramdown's
 * `auto_id_prefix`) goes before each id made from a heading's text. Without `auto` (kramdown's `auto_ids: false`)
 * a heading has only the id its page gives it, and one without is left out of the table of contents, as kramdown does.
 */
export function headingIds(
  md: MarkdownIt,
  options: { prefix?: string; auto?: boolean; style?: "github" | "kramdown" } = {},
): void {
  const prefix = options.prefix ?? "";
  const kramdownStyle = options.style === "kramdown";
  const auto = options.auto ?? true;
  // After `text_join`, so escapes and entities are already plain text tokens.
  md.core.ruler.push("heading_ids", (state: StateCore) => {
    if (state.inlineMode) return; // renderInline has no headings; keep the page's counts intact
    const env = state.env as HeadingIdsEnv;
    // One slugger per render: the page's includes are already in the text, so
    // this counts repeats over the whole page, and a re-render starts afresh.
    const slugger = kramdownStyle ? new KramdownIds() : new GithubSlugger();
    const headings: Heading[] = [];
    const texts = new Map<string, string>();
    env.slugger = slugger;
    env.headings = headings;
    env.headingTexts = texts;

    const tokens = state.tokens;
    const used = new Set<string>();
    for (let i = 0; i < tokens.length; i++) {
      const open = tokens[i];
      if (open.type !== "heading_open") continue;
      const inline = tokens[i + 1];
      const text = plainText(inline?.children ?? []);
      // kramdown makes its ids from the heading's text as written (`C# -- Guide` is `c----guide`), GitHub from the text shown.
      const idText = kramdownStyle ? (inline?.content ?? text) : text;
      // An id the writer gave (kramdown's `{#id}`) is kept, as kramdown keeps it: generated ids do not step
      // around it, so that the addresses of a legacy page's sections stay what they were. Two alike are reported.
      const given = open.attrGet("id");
      if (given === null && !auto) continue;
      // A heading without text (`##` alone, `## ?!`) gets no id: `id=""` is no id, and no link or contents entry can
      // use it; nor does it take a number from the headings after it.
      if (given === null && prefix === "" && !kramdownStyle && slug(text) === "") continue;
      const id = given ?? prefix + slugger.slug(idText);
      if (used.has(id)) warnDuplicate(env, id, given !== null, open.map?.[0]);
      used.add(id);
      if (!texts.has(id)) texts.set(id, text);
      open.attrSet("id", id);
      // kramdown's `no_toc` class keeps a heading out of the page's table of contents, ours included.
      if (!(open.attrGet("class") ?? "").split(/\s+/).includes("no_toc")) headings.push({ level: Number(open.tag.slice(1)), text, id });
    }
  });
}

function warnDuplicate(env: HeadingIdsEnv, id: string, given: boolean, line: number | undefined): void {
  env.report?.({
    severity: "warning",
    code: "heading-id-duplicate",
    message: `Two headings of this page have the id "${id}": a link to #${id} reaches only the first`,
    hint: given ? `Give this heading an id of its own ({#${id}-2}), or drop its {#${id}}.` : `Give one of them an id of its own with {#another-id} after its text.`,
    ...(line === undefined ? {} : { line: line + 1 }),
  });
}

/** The text of the heading with this id in the last render with this env, whether it is in the contents or not. */
export function headingText(env: object, id: string): string | undefined {
  return (env as HeadingIdsEnv).headingTexts?.get(id);
}

/** The headings of the last render with this env, in page order. */
export function getHeadings(env: object): Heading[] {
  return (env as HeadingIdsEnv).headings ?? [];
}

/** What a reader sees of the heading: text and code spans; HTML tags and images give nothing. */
function plainText(children: Token[]): string {
  let text = "";
  for (const child of children) {
    if (child.type === "text" || child.type === "text_special" || child.type === "code_inline") text += child.content;
    else if (child.type === "softbreak" || child.type === "hardbreak") text += " ";
  }
  return text.trim();
}
