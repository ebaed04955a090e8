// Text reduced to its words, so that a Markdown twin and the page it was made from can be compared: what a reader
// reads must be what an agent reads, whatever the markup around it.
import type { AnyNode, Element } from "domhandler";
import { DomUtils, parseDocument } from "htmlparser2";
import MarkdownIt, { type Token } from "markdown-it";
import type { HtmlPage } from "../../support/html-page.ts";

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of an element's text, leaving out controls that are not content (a code block's language and Copy button). */
export function pageWords(page: HtmlPage, selector: string): string[] {
  const element = page.one(selector);
  for (const control of page.all(`${selector} .code-block__bar`)) DomUtils.removeElement(control);
  return textWords(htmlText(element));
}

/**
 * The words a reader of the Markdown sees, as a plain CommonMark reader finds them: text, code, the text of HTML;
 * not front matter, link targets, list numbers, or images (whose alternative text is no part of a page's text).
 */
export function markdownWords(markdown: string): string[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, "");
  const parts: string[] = [];
  for (const token of new MarkdownIt({ html: true }).parse(body, {})) {
    if (token.type === "inline") parts.push(inlineText(token.children ?? []));
    else if (token.type === "fence" || token.type === "code_block") parts.push(token.content);
    else if (token.type === "html_block") parts.push(htmlText(parseDocument(token.content)));
  }
  return textWords(parts.join(" "));
}

function inlineText(children: readonly Token[]): string {
  // Inline HTML comes as separate tags around text; a <br> separates words, as it does on the page.
  return children
    .map((child) => {
      if (child.type === "text" || child.type === "code_inline") return child.content;
      if (child.type === "softbreak" || child.type === "hardbreak") return " ";
      // `</br>`, which Jekyll-era pages write, is a line break too.
      if (child.type === "html_inline") return /^<\/?br\b/i.test(child.content) ? " " : "";
      return "";
    })
    .join("");
}

/** Text content, with each <br> read as the space it shows as. */
function htmlText(node: AnyNode): string {
  for (const br of DomUtils.getElementsByTagName("br", node, true)) {
    DomUtils.replaceElement(br, parseDocument(" ").children[0]);
  }
  return DomUtils.textContent(node as Element);
}

function textWords(text: string): string[] {
  return text.match(WORD) ?? [];
}
