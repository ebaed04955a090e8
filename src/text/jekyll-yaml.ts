import yaml from "js-yaml";
import { noteWrittenOffset } from "./written-offset.ts";

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

/** js-yaml's own timestamp type, which its types leave out. */
const TIMESTAMP = (yaml as unknown as { types: { timestamp: { resolve(text: string): boolean; construct(text: string): Date } } }).types.timestamp;

/**
 * The type definition of YAML times, as js-yaml reads them, the zone they were written with noted on the Date
 * (src/text/written-offset.ts): Psych keeps it, and Jekyll prints `2024-03-05T02:00:00+09:00` at +0900.
 */
export const PSYCH_TIMESTAMP = {
  kind: "scalar" as const,
  resolve: (text: string | null) => text !== null && TIMESTAMP.resolve(text),
  construct: (text: string) => noteWrittenOffset(TIMESTAMP.construct(text), text),
  instanceOf: Date,
  represent: (value: unknown) => (value as Date).toISOString(),
};

/** js-yaml 4's default schema with Psych's booleans and times: `_config.yml` and the files of `_data/`. */
export const JEKYLL_YAML_SCHEMA = yaml.DEFAULT_SCHEMA.extend({
  implicit: [new yaml.Type("tag:yaml.org,2002:bool", PSYCH_BOOLEAN), new yaml.Type("tag:yaml.org,2002:timestamp", PSYCH_TIMESTAMP)],
});
