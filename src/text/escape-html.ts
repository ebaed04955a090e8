/** The character references of the characters HTML text and attribute values must not hold as they are. */
const REFERENCES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text for HTML, in an element or an attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => REFERENCES[c]);
}

/** Liquid's escape_once: as escapeHtml, but an entity already written (`&amp;`, `&#38;`) is left as it is. */
export function escapeOnce(text: string): string {
  return text.replace(/["'<>]|&(?!(?:[a-zA-Z]+|#\d+);)/g, (c) => REFERENCES[c]);
}
