import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { KRAMDOWN_DEFAULTS } from "../kramdown-options.ts";

/**
 * kramdown's table of contents: a list marked `{:toc}` (by convention `* TOC` then `{:toc}` on the next line) is
 * replaced by the page's headings as nested links, as kramdown writes it (`<ul id="markdown-toc">`, each link with
 * the id `markdown-toc-<heading id>`). A heading with the class `no_toc` is left out. After heading_ids: the links
 * point at the ids the headings have. `levels` are kramdown's `toc_levels`.
 */
export function kramdownToc(md: MarkdownIt, levels: ReadonlySet<number> = KRAMDOWN_DEFAULTS.tocLevels): void {
  md.core.ruler.after("heading_ids", "kramdown_toc", (state: StateCore) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const open = tokens[i];
      if ((open.type !== "bullet_list_open" && open.type !== "ordered_list_open") || !hasTocFlag(open)) continue;
      const close = closingIndex(tokens, i);
      const toc = new state.Token("html_block", "", 0);
      // The list's own attributes stay, as in kramdown (`{:toc .toc-list}`), its id `markdown-toc` unless it has one.
      const attributes = [...(open.attrs ?? [])];
      if (open.attrGet("id") === null) attributes.push(["id", "markdown-toc"]);
      const written = attributes.map(([name, value]) => ` ${name}="${md.utils.escapeHtml(value)}"`).join("");
      toc.content = tocHtml(tokens, md.utils.escapeHtml, open.type === "ordered_list_open" ? "ol" : "ul", levels, written);
      toc.map = open.map;
      toc.level = open.level;
      tokens.splice(i, close - i + 1, toc);
    }
  });
}

function hasTocFlag(token: Token): boolean {
  return ((token.meta as { ialFlags?: string[] } | null)?.ialFlags ?? []).includes("toc");
}

function closingIndex(tokens: Token[], openIndex: number): number {
  const open = tokens[openIndex];
  const closeType = open.type.replace(/_open$/, "_close");
  for (let i = openIndex + 1; i < tokens.length; i++) if (tokens[i].type === closeType && tokens[i].level === open.level) return i;
  return tokens.length - 1;
}

interface Entry {
  level: number;
  id: string;
  text: string;
  children: Entry[];
}

/** The headings as nested lists, each heading's list inside the item of the heading above it. */
function tocHtml(tokens: Token[], escape: (text: string) => string, tag: "ul" | "ol", levels: ReadonlySet<number>, attributes: string): string {
  const root: Entry = { level: 0, id: "", text: "", children: [] };
  const stack = [root];
  tokens.forEach((token, i) => {
    if (token.type !== "heading_open" || (token.attrGet("class") ?? "").split(/\s+/).includes("no_toc")) return;
    if (!levels.has(Number(token.tag.slice(1)))) return;
    const id = token.attrGet("id");
    if (!id) return;
    const entry: Entry = { level: Number(token.tag.slice(1)), id, text: textOf(tokens[i + 1]), children: [] };
    while (stack.length > 1 && stack.at(-1)!.level >= entry.level) stack.pop();
    stack.at(-1)!.children.push(entry);
    stack.push(entry);
  });
  const list = (entries: Entry[], attributes: string): string =>
    `<${tag}${attributes}>\n` +
    entries
      .map((e) => `<li><a href="#${escape(e.id)}" id="markdown-toc-${escape(e.id)}">${escape(e.text)}</a>${e.children.length ? `\n${list(e.children, "")}` : ""}</li>\n`)
      .join("") +
    `</${tag}>\n`;
  return list(root.children, attributes);
}

function textOf(inline: Token | undefined): string {
  return (inline?.children ?? [])
    .filter((child) => child.type === "text" || child.type === "code_inline" || child.type === "text_special")
    .map((child) => child.content)
    .join("")
    .trim();
}
