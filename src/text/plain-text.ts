/** A front matter or config value as text to show: a scalar as written, nothing for nil, a list or a mapping. */
export function scalarText(value: unknown): string {
  return value === undefined || value === null || typeof value === "object" ? "" : String(value);
}

/** HTML as one line of plain text, as Jekyll plugins write titles and summaries: no tags, whitespace collapsed. */
export function oneLinePlainText(html: string): string {
  return html.replace(/<[^>]*>/g, "").replace(/\s+/g, " ").trim();
}
