import type { MarkdownIt, StateCore, Token } from "markdown-it";

/** A task's box at the start of a list item's text: `[ ]` to do, `[x]` done, then a space. */
const TASK = /^\[([ xX])\][ \t]+/;

/**
 * Task lists, as GitHub and kramdown's GFM parser (Jekyll's default) read them: a list item starting with `[ ]` or
 * `[x]` gets a checkbox the reader cannot change, with kramdown's classes (`task-list` on the list,
 * `task-list-item` on the item). They showed the brackets as text.
 */
export function taskLists(md: MarkdownIt): void {
  md.core.ruler.after("text_join", "task_lists", (state: StateCore) => {
    const tokens = state.tokens;
    for (let i = 2; i < tokens.length; i++) {
      const inline = tokens[i];
      if (inline.type !== "inline" || tokens[i - 1].type !== "paragraph_open" || tokens[i - 2].type !== "list_item_open") continue;
      const first = inline.children?.[0];
      const marker = first?.type === "text" ? TASK.exec(first.content) : null;
      if (!first || !marker) continue;
      first.content = first.content.slice(marker[0].length);
      const box = new state.Token("html_inline", "", 0);
      box.content = `<input type="checkbox" class="task-list-item-checkbox" disabled="disabled"${marker[1] === " " ? "" : ' checked="checked"'} />`;
      inline.children!.unshift(box);
      addClass(tokens[i - 2], "task-list-item");
      const list = listOf(tokens, i - 2);
      if (list) addClass(list, "task-list");
    }
  });
}

/** The list a list item opened at `item` belongs to. */
function listOf(tokens: Token[], item: number): Token | undefined {
  for (let i = item - 1; i >= 0; i--) {
    const token = tokens[i];
    if (token.level === tokens[item].level - 1 && (token.type === "bullet_list_open" || token.type === "ordered_list_open")) return token;
  }
  return undefined;
}

function addClass(token: Token, name: string): void {
  const classes = (token.attrGet("class") ?? "").split(/\s+/).filter(Boolean);
  if (!classes.includes(name)) token.attrSet("class", [...classes, name].join(" "));
}
