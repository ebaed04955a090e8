import fs from "node:fs";
import path from "node:path";

/** A Liquid filter or tag that one of the tree's Jekyll `_plugins/*.rb` files defines. */
export interface RubyDefinition {
  kind: "filter" | "tag";
  name: string;
  /**
   * A tag whose class is a `Liquid::Block` (it has an `end<name>` tag and content between the two): true, false for
   * one whose class is plainly a `Liquid::Tag`, undefined when the text does not say (a class from a gem).
   */
  block?: boolean;
  /** The `.rb` file, relative to the source root. */
  file: string;
}

/** Ruby definitions by `kind:name`. */
export type RubyDefinitions = ReadonlyMap<string, RubyDefinition>;

/**
 * What the tree's Ruby plugins gave Liquid, read from their text (they are never run): tags from
 * `Liquid::Template.register_tag('name', Class)`, filters from the public methods of each module passed to
 * `Liquid::Template.register_filter(Module)`. Jekyll loads `_plugins/` recursively, so this reads it that way.
 */
export function rubyDefinitions(sourceDir: string): RubyDefinitions {
  const found = new Map<string, RubyDefinition>();
  const files = rubyFiles(path.join(sourceDir, "_plugins")).map((abs) => ({
    file: path.relative(sourceDir, abs).split(path.sep).join("/"),
    text: fs.readFileSync(abs, "utf8"),
  }));
  const add = (definition: RubyDefinition) => {
    const key = `${definition.kind}:${definition.name}`;
    if (!found.has(key)) found.set(key, definition);
  };
  const parents = superclasses(files.map((source) => source.text));
  for (const { file, text } of files) {
    for (const match of text.matchAll(/register_tag\s*\(?\s*(?:["']([\w-]+)["']|:(\w+))(?:\s*,\s*([\w:]+))?/g)) {
      const className = (match[3] ?? "").split("::").pop()!;
      add({ kind: "tag", name: match[1] ?? match[2], file, block: isBlockClass(className, parents) });
    }
    for (const match of text.matchAll(/register_filter\s*\(?\s*([\w:]+)/g)) {
      const moduleName = match[1].split("::").pop()!;
      // The module is usually defined in the same file; otherwise in another one of the folder.
      for (const source of [{ file, text }, ...files]) {
        const methods = publicMethodsOf(source.text, moduleName);
        if (!methods) continue;
        for (const name of methods) add({ kind: "filter", name, file: source.file });
        break;
      }
    }
  }
  return found;
}

/** Each class the Ruby text defines, by its short name, with the class it derives from as written (`Liquid::Block`). */
function superclasses(texts: readonly string[]): Map<string, string> {
  const parents = new Map<string, string>();
  for (const text of texts) {
    for (const match of text.matchAll(/class\s+(?:[\w:]+::)?(\w+)\s*<\s*([\w:]+)/g)) {
      if (!parents.has(match[1])) parents.set(match[1], match[2]);
    }
  }
  return parents;
}

/**
 * Whether a tag's class derives from Liquid's `Block` (true) or only from its `Tag` (false), following the classes
 * the plugins define (`TipBlock < BaseBlock < Liquid::Block`, a plugin's own class named `Tag` too); undefined for a
 * class whose line ends elsewhere (a gem's).
 */
function isBlockClass(className: string, parents: ReadonlyMap<string, string>): boolean | undefined {
  const seen = new Set<string>();
  for (let name = className; name !== "" && !seen.has(name); ) {
    seen.add(name);
    const written = parents.get(name);
    // Not one of the plugins' classes: Liquid's own when it is named so (`< Block` inside `module Liquid`).
    if (written === undefined) return name === "Block" ? true : name === "Tag" ? false : undefined;
    if (/^(?:::)?Liquid::Block$/.test(written)) return true;
    if (/^(?:::)?Liquid::Tag$/.test(written)) return false;
    name = written.split("::").pop()!;
  }
  return undefined;
}

/**
 * The public instance methods of `module <name>`: its `def`s up to the `end` at the module's own indentation,
 * until a bare `private`. Undefined when the text has no such module.
 */
function publicMethodsOf(text: string, moduleName: string): string[] | undefined {
  const lines = text.split(/\r?\n/);
  const opening = new RegExp(`^(\\s*)module\\s+(?:[\\w:]+::)?${moduleName}\\b`);
  const start = lines.findIndex((line) => opening.test(line));
  if (start < 0) return undefined;
  const indent = opening.exec(lines[start])![1];
  const methods: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (new RegExp(`^${indent}end\\b`).test(line) || /^\s*(private|protected)\s*$/.test(line)) break;
    const def = /^\s*def\s+(?!self\.)([a-z_]\w*)/.exec(line);
    if (def) methods.push(def[1]);
  }
  return methods;
}

function rubyFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".rb"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** How to carry a Ruby filter or tag over to a JavaScript plugin. */
export function portHint(definition: RubyDefinition): string {
  const target = `_plugins/${definition.name.replace(/_/g, "-")}.mjs`;
  return (
    `${definition.name} was defined by ${definition.file} (Ruby plugins do not run here): port it to ${target} ` +
    `as plugin.${definition.kind}("${definition.name}", ...) — see README 'Plugins'.`
  );
}
