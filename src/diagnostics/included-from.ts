import { chainsOf, type Diagnostic } from "./diagnostic.ts";

/** How many pages' include chains a report spells out before it counts the rest. */
const SHOWN_CHAINS = 3;

/**
 * `included from docs/a.md:9 -> _includes/b.md:2`, one line per page that led to the problem: the first few,
 * then `and N more pages`, so that an include used by a hundred pages stays a short entry.
 */
export function includedFromLines(d: Diagnostic): string[] {
  const chains = chainsOf(d);
  // "and 1 more page" would take the line that page's own chain takes.
  const shown = chains.length <= SHOWN_CHAINS + 1 ? chains : chains.slice(0, SHOWN_CHAINS);
  const lines = shown.map((chain) => `included from ${chain.join(" -> ")}`);
  if (shown.length < chains.length) lines.push(`and ${chains.length - shown.length} more pages`);
  return lines;
}
