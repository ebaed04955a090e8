/**
 * The string as a string of its own. A string cut out of a bigger one (a `slice`, or a concatenation holding
 * slices) is a view into it, and keeps all of it in memory for as long as it lives: a URL read out of a page,
 * or a search document made of parts of one, would keep the whole page. A concatenation is flattened into a new
 * string here, so nothing of the original is referenced. (V8 copies, rather than views, strings shorter than 13
 * characters.)
 */
export function ownCopy(text: string): string {
  return text.length < 13 ? text : (" " + text).slice(1);
}
