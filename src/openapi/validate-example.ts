import { createRequire } from "node:module";
import type { Ajv, ErrorObject, ValidateFunction } from "ajv";
import { childPointer, pointerKeys } from "./json-pointer.ts";
import type { SchemaComponent, SchemaNode } from "./model.ts";

/** Something wrong with an example, where it is and in words a writer acts on. */
export interface ExampleProblem {
  /** JSON pointer to the value in the example (`/items/0/email`); for a missing field, the field's would-be place. */
  path: string;
  message: string;
  /** What failed: `required`, `type`, `additionalProperties`, `enum`, `format`, or another JSON Schema keyword. */
  keyword: string;
}

type JsonSchema = Record<string, unknown>;

/**
 * Checks an example (a JSON value from a guide) against a schema of the reference: missing required fields, wrong
 * types, fields an `additionalProperties: false` object does not have, values outside an enum, malformed dates,
 * emails, URIs and UUIDs, numbers out of bounds. Pass the reference's named schemas so that a schema cut where it
 * contains itself is checked all the way down; without them such a part accepts anything.
 *
 * Ajv does the checking (with ajv-formats for the formats): the same validator swagger-parser uses for the
 * documents, so no second one is installed. Returns an empty list when the example fits.
 */
export function validateExample(value: unknown, schema: SchemaNode, components: readonly SchemaComponent[] = NO_COMPONENTS): ExampleProblem[] {
  const validate = compiled(schema, components);
  if (validate(value)) return [];
  return wordedProblems(closestAlternatives(validate.errors ?? []), value);
}

const NO_COMPONENTS: readonly SchemaComponent[] = [];
let ajv: Ajv | undefined;
/** Compiled checks, per schema node and set of components: a guide checks many examples against few schemas. */
const cache = new WeakMap<SchemaNode, WeakMap<readonly SchemaComponent[], ValidateFunction>>();

function compiled(schema: SchemaNode, components: readonly SchemaComponent[]): ValidateFunction {
  const known = cache.get(schema)?.get(components);
  if (known) return known;
  ajv ??= newAjv();
  const defs: Record<string, JsonSchema> = {};
  const root = toJsonSchema(schema, components, defs);
  const validate = ajv.compile({ ...root, ...(Object.keys(defs).length ? { definitions: defs } : {}) });
  const bySchema = cache.get(schema) ?? new WeakMap();
  bySchema.set(components, validate);
  cache.set(schema, bySchema);
  return validate;
}

function newAjv(): Ajv {
  // Loaded with the first example checked (both are CommonJS): importing Ajv cost every command 0.1 s of CPU at
  // start, on trees without a single marked example too.
  const require = createRequire(import.meta.url);
  const { Ajv: AjvClass } = require("ajv") as typeof import("ajv");
  const addFormats = require("ajv-formats") as (ajv: Ajv) => Ajv;
  // allErrors: a writer fixes every mistake of an example in one go. strict off: OpenAPI documents carry
  // formats (int64, phone) and keywords Ajv does not know; they are accepted rather than refused.
  const instance = new AjvClass({ allErrors: true, strict: false, logger: false });
  addFormats(instance);
  return instance;
}

/** The schema as JSON Schema (draft-07, Ajv's default); components a `ref` node needs go into `defs`. */
function toJsonSchema(node: SchemaNode, components: readonly SchemaComponent[], defs: Record<string, JsonSchema>): JsonSchema {
  const out: JsonSchema = {};
  switch (node.kind) {
    case "object": {
      out.type = "object";
      out.properties = Object.fromEntries(node.properties.map((p) => [p.name, toJsonSchema(p.schema, components, defs)]));
      const required = node.properties.filter((p) => p.required).map((p) => p.name);
      if (required.length) out.required = required;
      if (node.additionalProperties === false) out.additionalProperties = false;
      else if (typeof node.additionalProperties === "object") out.additionalProperties = toJsonSchema(node.additionalProperties, components, defs);
      break;
    }
    case "array":
      out.type = "array";
      out.items = toJsonSchema(node.items, components, defs);
      break;
    case "oneOf":
    case "anyOf":
      // anyOf for both: documents often give oneOf alternatives that overlap, and an example fitting two of them
      // is not what a writer should be told to fix.
      out.anyOf = node.options.map((option) => toJsonSchema(option, components, defs));
      break;
    case "ref": {
      const component = components.find((c) => c.schemaId === node.schemaId);
      if (!component) break;
      if (!(node.schemaId in defs)) {
        defs[node.schemaId] = {};
        defs[node.schemaId] = toJsonSchema(component.schema, components, defs);
      }
      out.$ref = `#/definitions/${node.schemaId}`;
      break;
    }
    case "any":
      break;
    default:
      out.type = node.kind;
  }
  constraints(node, out);
  if (node.nullable && node.kind !== "any") return { anyOf: [out, { type: "null" }] };
  return out;
}

function constraints(node: SchemaNode, out: JsonSchema): void {
  if (node.enum) out.enum = node.enum;
  if (node.format) out.format = node.format;
  for (const key of ["minLength", "maxLength", "minItems", "maxItems"] as const) if (node[key] !== undefined) out[key] = node[key];
  if (node.uniqueItems) out.uniqueItems = true;
  if (node.pattern !== undefined && isPattern(node.pattern)) out.pattern = node.pattern;
  if (node.minimum !== undefined) out[node.exclusiveMinimum ? "exclusiveMinimum" : "minimum"] = node.minimum;
  if (node.maximum !== undefined) out[node.exclusiveMaximum ? "exclusiveMaximum" : "maximum"] = node.maximum;
}

/** A pattern Ajv can compile (a document may carry one written for another regex dialect). */
function isPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}

/**
 * When a value fits none of several alternatives, the reasons it fails the one it comes closest to (fewest
 * errors) say what to fix; the others, and the "must match a schema in anyOf" line, are left out.
 */
function closestAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  let kept = [...errors];
  for (const anchor of errors.filter((error) => error.keyword === "anyOf")) {
    const prefix = `${anchor.schemaPath}/`;
    const branches = new Map<string, ErrorObject[]>();
    for (const error of kept) {
      if (!error.schemaPath.startsWith(prefix)) continue;
      const branch = error.schemaPath.slice(prefix.length).split("/")[0];
      branches.set(branch, [...(branches.get(branch) ?? []), error]);
    }
    if (branches.size === 0) continue;
    const closest = [...branches.values()].reduce((best, branch) => (branch.length < best.length ? branch : best));
    kept = kept.filter((error) => error !== anchor && (!error.schemaPath.startsWith(prefix) || closest.includes(error)));
  }
  return kept;
}

function wordedProblems(errors: readonly ErrorObject[], value: unknown): ExampleProblem[] {
  const seen = new Set<string>();
  const problems: ExampleProblem[] = [];
  for (const error of errors) {
    const problem = worded(error, value);
    const key = `${problem.path}\n${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function worded(error: ErrorObject, example: unknown): ExampleProblem {
  const path = error.instancePath;
  const params = error.params as Record<string, unknown>;
  const subject = fieldName(path);
  const actual = valueIn(example, path);
  switch (error.keyword) {
    case "required": {
      const field = String(params.missingProperty);
      return { path: childPointer(path, field), keyword: "required", message: `Missing required field "${field}"${path ? ` in ${subject}` : ""}` };
    }
    case "additionalProperties": {
      const field = String(params.additionalProperty);
      return {
        path: childPointer(path, field),
        keyword: "additionalProperties",
        message: `Unknown field "${field}"${path ? ` in ${subject}` : ""}: the schema allows no other fields here`,
      };
    }
    case "type":
      return { path, keyword: "type", message: `${capitalized(subject)} should be ${withArticle(String(params.type))}, not ${typeName(actual)}` };
    case "enum":
      return {
        path,
        keyword: "enum",
        message: `${capitalized(subject)} is ${JSON.stringify(actual)}, but must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`,
      };
    case "format":
      return { path, keyword: "format", message: `${capitalized(subject)} should be a valid ${String(params.format)}, not ${JSON.stringify(actual)}` };
    default:
      return { path, keyword: error.keyword, message: `${capitalized(subject)} ${error.message ?? "is not valid"}` };
  }
}

/** How a message names the value: `field "email"`, `item 2 of "tags"`, or `the example`. */
function fieldName(pointer: string): string {
  const keys = pointerKeys(pointer);
  const last = keys.at(-1);
  if (last === undefined) return "the example";
  if (/^\d+$/.test(last)) return keys.length > 1 ? `item ${last} of "${keys.at(-2)}"` : `item ${last}`;
  return `field "${last}"`;
}

function valueIn(root: unknown, pointer: string): unknown {
  let node = root;
  for (const key of pointerKeys(pointer)) node = (node as Record<string, unknown> | undefined)?.[key];
  return node;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a number";
  return withArticle(typeof value === "object" ? "object" : typeof value);
}

function withArticle(types: string): string {
  return types
    .split(",")
    .map((type) => (type === "null" ? "null" : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`))
    .join(" or ");
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
