import yaml from "js-yaml";

/**
 * Jekyll reads YAML with Ruby's Psych, which keeps YAML 1.1's booleans: `yes`, `on` and `true` are true, `no`, `off`
 * and `false` are false, in any case. js-yaml follows YAML 1.2, where those words are text, and text is truthy:
 * `show_banner: no` showed the banner, `toc: off` the table of contents. Quoted, they stay text, as in Jekyll.
 */
const TRUE = /^(?:yes|true|on)$/i;
const FALSE = /^(?:no|false|off)$/i;

/** The type definition of Psych's booleans, for a js-yaml `Type` class (js-yaml 4's, or js-yaml 3's under gray-matter). */
export const PSYCH_BOOLEAN = {
  kind: "scalar" as const,
  resolve: (text: string | null) => text !== null && (TRUE.test(text) || FALSE.test(text)),
  construct: (text: string) => TRUE.test(text),
  predicate: (value: unknown) => typeof value === "boolean",
  represent: (value: unknown) => (value ? "true" : "false"),
};

/** js-yaml 4's default schema with Psych's booleans: `_config.yml` and the files of `_data/`. */
export const JEKYLL_YAML_SCHEMA = yaml.DEFAULT_SCHEMA.extend({ implicit: [new yaml.Type("tag:yaml.org,2002:bool", PSYCH_BOOLEAN)] });
