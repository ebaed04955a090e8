import type { Ruler } from "markdown-it";

/** What markdown-it keeps of each rule of a ruler (its own field; the published types leave it out). */
interface RuleEntry<Rule> {
  name: string;
  fn: Rule;
  alt: string[];
}

/**
 * Replaces markdown-it's rule `name` with `wrap(original)`, keeping the chains it terminates (its `alt`), so a
 * plugin can change what the rule does in one case and hand every other case back to it. markdown-it does not
 * export its rules; each ruler keeps them by name.
 */
export function wrapRule<Rule>(ruler: Ruler<Rule>, name: string, wrap: (original: Rule) => Rule): void {
  const rules = (ruler as unknown as { __rules__: RuleEntry<Rule>[] }).__rules__;
  const rule = rules.find((r) => r.name === name);
  if (!rule) throw new Error(`markdown-it has no rule named ${name}`);
  ruler.at(name, wrap(rule.fn), { alt: [...rule.alt] });
}
