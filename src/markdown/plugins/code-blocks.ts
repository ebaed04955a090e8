import type { MarkdownIt, RendererRule, Token } from "markdown-it";
import type { CodeHighlighter } from "../highlight/code-highlighter.ts";
import { findCodeLanguage, PLAIN_TEXT } from "../highlight/languages.ts";
import type { MarkdownEnv } from "../markdown-env.ts";

export interface CodeBlocksOptions {
  highlighter: CodeHighlighter;
}

/**
 * Fenced and indented code, highlighted by Shiki, inside a wrapper with a
 * language label and a copy button (hidden until the page script shows it, so
 * the page reads fine without JavaScript).
 */
export function codeBlocks(md: MarkdownIt, options: CodeBlocksOptions): void {
  const { highlighter } = options;
  const escapeHtml = md.utils.escapeHtml;

  const renderBlock = (code: string, langName: string, label: string, highlighted: string | undefined, token?: Token): string =>
    `<div${wrapperAttributes(token, escapeHtml)} data-lang="${escapeHtml(langName)}"><div class="code-block__bar">` +
    `<span class="code-block__lang">${escapeHtml(label)}</span>` +
    `<button type="button" class="code-block__copy" hidden>Copy</button></div>` +
    `${highlighted ?? plainPre(code, escapeHtml)}</div>\n`;

  const renderPlain = (code: string, token?: Token): string =>
    renderBlock(code, PLAIN_TEXT.name, PLAIN_TEXT.label, highlighter.highlight(code, PLAIN_TEXT.name), token);

  const fence: RendererRule = (tokens, idx, _options, env) => {
    const token = tokens[idx];
    // Only the first word names the language: ```json title="x" is JSON.
    const word = md.utils.unescapeAll(token.info).trim().split(/\s+/)[0] ?? "";
    const language = findCodeLanguage(word);
    const highlighted = language && highlighter.highlight(token.content, language.name);
    if (language && highlighted !== undefined) return renderBlock(token.content, language.name, language.label, highlighted, token);

    if (!language) {
      (env as Partial<MarkdownEnv> | undefined)?.report?.({
        severity: "warning",
        code: "code-unknown-language",
        message: `Unknown code language "${word}"; shown as plain text`,
        hint: `Use one of: ${highlighter.languages.join(", ")}`,
        line: token.map ? token.map[0] + 1 : undefined,
      });
    }
    return renderPlain(token.content, token);
  };

  // Indented code has no language: plain text, no warning.
  const codeBlock: RendererRule = (tokens, idx) => renderPlain(tokens[idx].content, tokens[idx]);

  md.renderer.rules.fence = fence;
  md.renderer.rules.code_block = codeBlock;
}

/**
 * The wrapper's attributes: its class, and what a kramdown attribute list gave the block (`{: .wide #setup}` after
 * the fence), its classes after ours, as kramdown puts them on the block's outer element.
 */
function wrapperAttributes(token: Token | undefined, escapeHtml: (s: string) => string): string {
  let classes = "code-block";
  let rest = "";
  for (const [name, value] of token?.attrs ?? []) {
    if (name === "class") classes += ` ${value}`;
    else if (name !== "data-lang") rest += ` ${name}="${escapeHtml(value)}"`;
  }
  return ` class="${escapeHtml(classes)}"${rest}`;
}

/** Same shape as Shiki's output, for when the highlighter gives nothing back. */
function plainPre(code: string, escapeHtml: (s: string) => string): string {
  const source = code.endsWith("\n") ? code.slice(0, -1) : code;
  return `<pre class="shiki"><code>${escapeHtml(source)}</code></pre>`;
}
