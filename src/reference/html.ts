import { escapeHtml } from "../text/escape-html.ts";

export { escapeHtml };

/** A value as a reader would write it in a request: strings as they are, anything else as JSON. */
export function valueText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
}

/** `<code>` of a value. */
export function codeOf(value: unknown): string {
  return `<code>${escapeHtml(valueText(value))}</code>`;
}
