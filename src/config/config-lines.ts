import { escapeRegExp } from "../text/escape-reg-exp.ts";

// Where a value of `_config.yml` is written, for messages at its line: read from the text as block YAML writes it,
// since the YAML parser keeps no positions. Lines count from 1; undefined when the key is not found.

/** The line of a top-level `key:`. */
export function keyLine(lines: readonly string[], key: string): number | undefined {
  const pattern = new RegExp(`^${escapeRegExp(key)}\\s*:`);
  const index = lines.findIndex((line) => pattern.test(line));
  return index === -1 ? undefined : index + 1;
}

/** The line of `child:` in the mapping under the top-level `key:`; the line of `key:` when the child is not found. */
export function childKeyLine(lines: readonly string[], key: string, child: string): number | undefined {
  const parent = keyLine(lines, key);
  if (parent === undefined) return undefined;
  const pattern = new RegExp(`^\\s+${escapeRegExp(child)}\\s*:`);
  for (let i = parent; i < lines.length && !/^[^\s#]/.test(lines[i]); i++) {
    if (pattern.test(lines[i])) return i + 1;
  }
  return parent;
}

/** The line of entry `item` (from 0) of the block list under the top-level `key:`. */
export function listItemLine(lines: readonly string[], key: string, item: number): number | undefined {
  const parent = keyLine(lines, key);
  if (parent === undefined) return undefined;
  let indent: number | undefined;
  let seen = -1;
  for (let i = parent; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*(?:#.*)?$/.test(line)) continue;
    const own = line.length - line.trimStart().length;
    const isItem = /^\s*-(?:\s|$)/.test(line);
    indent ??= isItem ? own : -1;
    if (indent < 0 || own < indent || (own === indent && !isItem)) return undefined;
    if (own === indent && ++seen === item) return i + 1;
  }
  return undefined;
}

/**
 * The line of `child: value` (quoted or not) anywhere in the block under the top-level `key:` (`layout: guide` in
 * `defaults:`); the line of `key:` when none is found.
 */
export function valueLine(lines: readonly string[], key: string, child: string, value: string): number | undefined {
  const parent = keyLine(lines, key);
  if (parent === undefined) return undefined;
  for (let i = parent; i < lines.length && !/^[^\s#-]/.test(lines[i]); i++) {
    const found = /^\s*(?:-\s+)?([\w-]+)\s*:\s*(.*?)\s*(?:#.*)?$/.exec(lines[i]);
    if (found && found[1] === child && found[2].replace(/^(["'])(.*)\1$/, "$2") === value) return i + 1;
  }
  return parent;
}
