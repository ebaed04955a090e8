import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { isKnownElement } from "./known-elements.ts";
import type { SourcePosition } from "./markdown-locator.ts";

/**
 * Text like `Authorization: User <user secret>` outside code is read by Markdown and the browser as an HTML tag
 * named `user`: it is not displayed at all. Known HTML elements are what the writer meant; anything else is not.
 */
export function swallowedTag(name: string, text: string, at: SourcePosition): Diagnostic | undefined {
  if (isKnownElement(name)) return undefined;
  return {
    ...at,
    severity: "warning",
    code: "html-swallowed-tag",
    message: `"${text}" reads as an HTML tag <${name}>: the browser hides it and the reader sees nothing`,
    hint: `Put it in code formatting (\`${text}\`) or a code block, or write &lt; instead of <.`,
  };
}

/** The tag as the writer wrote it, for messages: up to its `>` on the same line, at most 60 characters. */
export function tagText(html: string, offset = 0): string {
  const end = html.indexOf(">", offset);
  const newline = html.indexOf("\n", offset);
  const stop = end === -1 || (newline !== -1 && newline < end) ? newline : end + 1;
  const text = html.slice(offset, stop === -1 ? undefined : stop);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
