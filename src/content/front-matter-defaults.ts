/**
 * Jekyll's front matter defaults (`defaults:` in `_config.yml`): values a page has unless its own front matter says
 * otherwise, for the pages under a folder or at a file (`docs/guides`, a glob such as `docs/*\/api`, or "" for all) and of a type
 * (`pages`, `posts`). Where several apply, Jekyll's order decides: a longer path wins, then one that names a type.
 */
export interface DefaultsRule {
  /** The scope's path as Jekyll sanitizes it: no leading or trailing slash. */
  path: string;
  /** A glob scope's test, for a path with `*`. */
  glob?: RegExp;
  type?: string;
  values: Record<string, unknown>;
}

export interface DefaultsProblem {
  message: string;
  hint: string;
  /** The entry of the list it is about (from 0), for its line; absent for the list as a whole. */
  entry?: number;
}

const HINT = 'Write each entry as\n  - scope:\n      path: "docs/guides"\n    values:\n      layout: page';

/** The rules of a `defaults:` value, and what is wrong with entries that are left out. */
export function readDefaults(value: unknown): { rules: DefaultsRule[]; problems: DefaultsProblem[] } {
  const rules: DefaultsRule[] = [];
  const problems: DefaultsProblem[] = [];
  if (value === undefined || value === null) return { rules, problems };
  if (!Array.isArray(value)) return { rules, problems: [{ message: "defaults: must be a list of scope: and values: entries", hint: HINT }] };
  value.forEach((entry, index) => {
    const scope = isMapping(entry) ? (entry.scope ?? {}) : undefined;
    const values = isMapping(entry) ? entry.values : undefined;
    if (!isMapping(scope) || !isMapping(values)) {
      problems.push({ message: `defaults: entry ${index + 1} needs a scope: and values: mapping`, hint: HINT, entry: index });
      return;
    }
    const path = typeof scope.path === "string" ? scope.path.replace(/^\/+/, "").replace(/^\.\//, "").replace(/\/+$/, "") : "";
    rules.push({
      path,
      ...(path.includes("*") ? { glob: globTest(path) } : {}),
      ...(typeof scope.type === "string" ? { type: scope.type } : {}),
      values,
    });
  });
  return { rules, problems };
}

/** The defaults of a page (`file` relative to the tree) of a type (`pages`, `posts`, a collection's label), merged as Jekyll merges them. */
export function defaultsFor(rules: readonly DefaultsRule[], file: string, type: string): Record<string, unknown> {
  let defaults: Record<string, unknown> = {};
  let winner: DefaultsRule | undefined;
  for (const rule of rules) {
    if (rule.type !== undefined && rule.type !== type) continue;
    if (!(rule.glob ? rule.glob.test(file) : isWithin(file, rule.path))) continue;
    if (!winner || precedes(rule, winner)) {
      defaults = deepMerge(defaults, rule.values);
      winner = rule;
    } else {
      defaults = deepMerge(rule.values, defaults);
    }
  }
  return defaults;
}

/** Jekyll 4's path_is_subpath?: the path is the scope's, or lies below it (`docs/guide` is not `docs/guides/`). */
function isWithin(file: string, scope: string): boolean {
  return scope === "" || file === scope || file.startsWith(`${scope}/`);
}

/** Jekyll's has_precedence?: a longer path, else one naming a type (unless the other does too), wins. */
function precedes(rule: DefaultsRule, other: DefaultsRule): boolean {
  if (rule.path.length !== other.path.length) return rule.path.length >= other.path.length;
  return rule.type !== undefined || other.type === undefined;
}

/** A glob scope (`docs/*\/api`): the page's path starts with a match of it, as Jekyll tests each path the glob finds. */
function globTest(pattern: string): RegExp {
  const source = pattern
    .split(/(\*\*|\*)/)
    .map((part) => (part === "**" ? ".*" : part === "*" ? "[^/]*" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}(?:/|$)`);
}

/** Jekyll's Utils.deep_merge_hashes: mappings are merged key by key, anything else is replaced. */
function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const old = merged[key];
    merged[key] = isMapping(old) && isMapping(value) ? deepMerge(old, value) : value;
  }
  return merged;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
