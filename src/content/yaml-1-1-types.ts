import yaml from "js-yaml";

// Front matter has always been read by gray-matter 4, whose js-yaml 3 still knows some YAML 1.1 forms that js-yaml 4
// reads as strings or other numbers: `1_000`, `0755` (octal), `1:30` (base 60: 90), `0o17` (a string). These types
// give js-yaml 4 those readings back, so that no page's values change when the faster parser reads them.

/** Integers as js-yaml 3 resolves them: decimal, `0b`, `0x`, legacy octal `0…`, base 60, `_` between digits. */
const INTEGER =
  /^[-+]?(?:0|0b[01_]*[01]|0x[0-9a-fA-F_]*[0-9a-fA-F]|0[0-7_]*[0-7]|[1-9](?:[0-9_]*[0-9])?|[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;

/** Floats as js-yaml 3 resolves them (an integer form is taken by INTEGER first), when they do not end with `_`. */
const FLOAT =
  /^(?:[-+]?(?:0|[1-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** The sign of a number's text and the text without sign and underscores. */
function signAndDigits(text: string): { sign: number; digits: string } {
  const plain = text.replace(/_/g, "");
  if (plain[0] === "-") return { sign: -1, digits: plain.slice(1) };
  return { sign: 1, digits: plain[0] === "+" ? plain.slice(1) : plain };
}

/** `1:30:05` is 5 + 30 * 60 + 1 * 3600, summed from the last part as js-yaml 3 does (same float rounding). */
function base60(digits: string, parse: (part: string) => number): number {
  let value = 0;
  let base = 1;
  for (const part of digits.split(":").reverse()) {
    value += parse(part) * base;
    base *= 60;
  }
  return value;
}

function constructInteger(text: string): number {
  const { sign, digits } = signAndDigits(text);
  // js-yaml 3 returns 0 for `-0` as written, but -0 for `-00` (an octal zero): kept as it was.
  if (digits === "0") return 0;
  if (digits.startsWith("0b")) return sign * parseInt(digits.slice(2), 2);
  if (digits.startsWith("0x")) return sign * parseInt(digits, 16);
  if (digits.startsWith("0")) return sign * parseInt(digits, 8);
  if (digits.includes(":")) return sign * base60(digits, (part) => parseInt(part, 10));
  return sign * parseInt(digits, 10);
}

function constructFloat(text: string): number {
  const { sign, digits } = signAndDigits(text.toLowerCase());
  if (digits === ".inf") return sign * Number.POSITIVE_INFINITY;
  if (digits === ".nan") return NaN;
  if (digits.includes(":")) return sign * base60(digits, (part) => parseFloat(part));
  return sign * parseFloat(digits);
}

export const YAML_1_1_INT = new yaml.Type("tag:yaml.org,2002:int", {
  kind: "scalar",
  resolve: (text: string | null) => text !== null && INTEGER.test(text),
  construct: constructInteger,
});

export const YAML_1_1_FLOAT = new yaml.Type("tag:yaml.org,2002:float", {
  kind: "scalar",
  resolve: (text: string | null) => text !== null && FLOAT.test(text) && !text.endsWith("_"),
  construct: constructFloat,
});

/** js-yaml 4's own `!!binary` (exported as `types.binary`, which @types/js-yaml does not declare). */
const binary = (yaml as unknown as { types: { binary: yaml.Type } }).types.binary;

/** `!!binary` as a Node Buffer, as js-yaml 3 made it (js-yaml 4 makes a plain Uint8Array). */
export const BUFFER_BINARY = new yaml.Type("tag:yaml.org,2002:binary", {
  kind: "scalar",
  resolve: (text: string | null) => binary.resolve(text),
  construct: (text: string) => Buffer.from(binary.construct(text) as Uint8Array),
});

/** js-yaml 4's default schema (YAML 1.2 core, timestamps, merge keys) with js-yaml 3's numbers and binary. */
export const GRAY_MATTER_SCHEMA = yaml.DEFAULT_SCHEMA.extend({
  implicit: [YAML_1_1_INT, YAML_1_1_FLOAT],
  explicit: [BUFFER_BINARY],
});
