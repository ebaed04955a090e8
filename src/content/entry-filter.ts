/**
 * Which files and folders of a source tree Jekyll reads, by its own rules (Jekyll 4.3's EntryFilter), so that a
 * tree publishes here exactly what it published there:
 * - a name starting with `.`, `_`, `#` or `~`, or ending with `~`, is skipped, unless `include:` names it;
 * - an `exclude:` entry, matched against the path from the tree's root, skips what it matches, unless `include:`
 *   names it; Jekyll's default excludes (Gemfile, node_modules, vendor/bundle/, …) always apply.
 * Patterns are matched the way Jekyll matches them: as a glob where `*` also crosses `/`, or as a plain prefix of
 * the path (so `exclude: [scripts]` also skips `scripts-old/`), or naming a folder with a trailing `/`.
 */
export interface EntryRules {
  exclude: readonly string[];
  include: readonly string[];
}

/** Jekyll 4.3 adds these to every site's `exclude:`. */
export const DEFAULT_EXCLUDES: readonly string[] = [
  ".sass-cache",
  ".jekyll-cache",
  "gemfiles",
  "Gemfile",
  "Gemfile.lock",
  "node_modules",
  "vendor/bundle/",
  "vendor/cache/",
  "vendor/gems/",
  "vendor/ruby/",
];

/** Jekyll's `include:` when a site sets none. */
export const DEFAULT_INCLUDES: readonly string[] = [".htaccess"];

/** `_config.yml`'s exclude/include as Jekyll reads them: the user's excludes plus the defaults. */
export function entryRules(config: { exclude?: unknown; include?: unknown }): EntryRules {
  return {
    exclude: [...new Set([...patternList(config.exclude), ...DEFAULT_EXCLUDES])],
    include: config.include === undefined || config.include === null ? DEFAULT_INCLUDES : patternList(config.include),
  };
}

/**
 * True when Jekyll leaves this entry out. `rel` is its path from the tree's root ("docs/a.md"), `isFolder` whether
 * it is a folder. As in Jekyll, `include:` is matched against the entry's own name, `exclude:` against its path.
 */
export function skipsEntry(rules: EntryRules, rel: string, isFolder: boolean): boolean {
  const name = rel.slice(rel.lastIndexOf("/") + 1);
  if (name.endsWith(".")) return true;
  if (isIncluded(rules, rel, isFolder)) return false;
  if (isExcluded(rules, rel, isFolder)) return true;
  return /^[._#~]/.test(name) || name.endsWith("~");
}

/** `exclude:` matches the entry and `include:` does not bring it back. */
export function isExcluded(rules: EntryRules, rel: string, isFolder: boolean): boolean {
  return !isIncluded(rules, rel, isFolder) && matchesAny(rules.exclude, rel, isFolder);
}

function isIncluded(rules: EntryRules, rel: string, isFolder: boolean): boolean {
  return matchesAny(rules.include, rel.slice(rel.lastIndexOf("/") + 1), isFolder);
}

/** Jekyll's glob_include?: a glob match, a prefix, or the pattern naming this folder with a trailing slash. */
export function matchesAny(patterns: readonly string[], rel: string, isFolder: boolean): boolean {
  return patterns.some((pattern) => {
    const clean = pattern.replace(/^\/+/, "");
    return fnmatch(clean, rel) || rel.startsWith(clean) || (isFolder && clean === `${rel}/`);
  });
}

/** Ruby's File.fnmatch without flags: `*` and `?` also match `/`, `[...]` is a class, `\` escapes, no braces. */
export function fnmatch(pattern: string, text: string): boolean {
  let cached = globCache.get(pattern);
  if (!cached) {
    cached = globRegExp(pattern);
    globCache.set(pattern, cached);
  }
  return cached.test(text);
}

const globCache = new Map<string, RegExp>();

function globRegExp(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === "*") source += "[^]*";
    else if (char === "?") source += "[^]";
    else if (char === "\\" && i + 1 < pattern.length) source += escapeRegExp(pattern[++i]);
    else if (char === "[") {
      const end = pattern.indexOf("]", i + 2);
      if (end === -1) {
        source += "\\[";
        continue;
      }
      let body = pattern.slice(i + 1, end);
      const negated = body.startsWith("!") || body.startsWith("^");
      if (negated) body = body.slice(1);
      source += `[${negated ? "^" : ""}${body.replace(/[\\\]^]/g, "\\$&")}]`;
      i = end;
    } else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function patternList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item) => item !== null && item !== undefined && String(item) !== "").map(String);
}
