const PAGE_KEY = /\bpage\.([A-Za-z_][A-Za-z0-9_-]*)|\bpage\[\s*["']([^"']+)["']\s*\]/g;

/** The `page.<key>` names a Liquid text reads. */
export function pageKeysRead(text: string, into: Set<string> = new Set()): Set<string> {
  for (const match of text.matchAll(PAGE_KEY)) into.add(match[1] ?? match[2]);
  return into;
}
