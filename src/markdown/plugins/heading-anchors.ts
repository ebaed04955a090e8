import type { MarkdownIt, RendererRule, Token } from "markdown-it";
import { headingText } from "./heading-ids.ts";

const LEVELS = new Set(["h2", "h3", "h4"]);

/**
 * A "#" link beside each h2–h4 that has an id, for copying a section's address. It sits next to the
 * heading rather than inside it, so a screen reader hears the heading's own text as its name (Starlight
 * does the same); the CSS draws the "#". Runs after heading-ids, which sets the ids.
 */
export function headingAnchors(md: MarkdownIt): void {
  const renderOpen = md.renderer.rules.heading_open ?? defaultRule;
  const renderClose = md.renderer.rules.heading_close ?? defaultRule;
  const escape = md.utils.escapeHtml;

  md.renderer.rules.heading_open = (tokens, idx, options, env, self) => {
    const html = renderOpen(tokens, idx, options, env, self);
    return anchorId(tokens[idx]) ? `<div class="heading-wrap">${html}` : html;
  };

  md.renderer.rules.heading_close = (tokens, idx, options, env, self) => {
    const html = renderClose(tokens, idx, options, env, self);
    const id = anchorId(tokens[idx - 2]);
    if (!id) return html;
    const text = headingText(env ?? {}, id) ?? id;
    const anchor = `<a class="heading-anchor" href="#${escape(id)}" aria-label="Link to this section: ${escape(text)}"></a>`;
    return `${html.trimEnd()}${anchor}</div>\n`;
  };
}

const defaultRule: RendererRule = (tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options);

function anchorId(open: Token | undefined): string | null {
  if (!open || open.type !== "heading_open" || !LEVELS.has(open.tag)) return null;
  const id = open.attrGet("id");
  return id === null || id === "" ? null : String(id);
}
