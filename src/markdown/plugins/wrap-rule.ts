import type { Ruler } from "markdown-it";

/**
 * Replaces markdown-it's rule `name` with `wrap(original)`, keeping the chains it terminates (its `alt`), so a
 * plugin can change what the rule does in one case and hand every other case back to it. markdown-it does not
 * export its rules; each ruler keeps them by name.
 */
export function wrapRule<Args extends unknown[], Result>(
  ruler: Ruler<Args, Result>,
  name: string,
  wrap: (original: (...args: Args) => Result) => (...args: Args) => Result,
): void {
  const rule = ruler.__rules__.find((r) => r.name === name);
  if (!rule) throw new Error(`markdown-it has no rule named ${name}`);
  ruler.at(name, wrap(rule.fn), { alt: [...rule.alt] });
}
