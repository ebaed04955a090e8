import yaml from "js-yaml";

/**
 * Text that js-yaml writes as it is (a plain scalar), such as a title, a sentence or a URL: a letter or `/` first
 * (so no number or date), no quotes or brackets, no `: ` or ` #`, no space or `:` last. Words YAML reads as booleans
 * or null are left out below. test/unit/text/yaml-lines.test.ts holds it to js-yaml on random text.
 */
const PLAIN = /^(?!.*(?:: | #))[A-Za-z/][A-Za-z0-9 /.,()_'!?&+=:#%~@-]*[A-Za-z0-9/).!?]$|^[A-Za-z]$/;
/** Booleans and null, and YAML 1.1's booleans, which js-yaml quotes so that older readers do not take them for booleans. */
const NOT_PLAIN_WORDS = new Set(
  ["true", "false", "null", "y", "yes", "on", "n", "no", "off"].flatMap((word) => [word, word[0].toUpperCase() + word.slice(1), word.toUpperCase()]),
);

/**
 * `yaml.dump(mapping, { lineWidth: -1 })` for a mapping of strings: one `key: value` line each. Writing a plain value
 * directly instead of through js-yaml saved 50-100 ms of a 1,500-page build (a page's twin and its llms-full.txt
 * entry each have one), where js-yaml looks at every character to choose the style.
 */
export function yamlLines(mapping: Readonly<Record<string, string>>): string {
  if (Object.keys(mapping).length === 0) return yaml.dump(mapping, { lineWidth: -1 });
  let lines = "";
  for (const [key, value] of Object.entries(mapping)) {
    // A key over 1,024 characters is written as `? key` (never ours: title, description, url).
    lines += key.length <= 1024 && isPlain(key) && isPlain(value) ? `${key}: ${value}\n` : yaml.dump({ [key]: value }, { lineWidth: -1 });
  }
  return lines;
}

function isPlain(text: string): boolean {
  return PLAIN.test(text) && !NOT_PLAIN_WORDS.has(text);
}
