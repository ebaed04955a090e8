import { childPointer, pointerKeys } from "./json-pointer.ts";

/** One error of a JSON Schema validator (Ajv's shape), about the document being validated. */
export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A problem worth telling the writer: where it is (a JSON pointer into the validated value) and what it is. */
export interface WriterError {
  pointer: string;
  message: string;
}

/**
 * The errors that say what is wrong, in words. A validator checking every alternative of a `oneOf` reports why
 * each alternative failed: for a parameter with `in: path` but no `required: true`, it also says that `in` is not
 * `query`, not `header` and not `cookie`, and that the parameter is no Reference Object (it has no `$ref`). Those
 * are set aside: the Reference alternative always, and alternatives failing on a fixed value (`in`, `type`) when
 * another alternative fails on something else. When every alternative fails on its fixed value, the allowed
 * values are listed once.
 */
export function writerErrors(errors: readonly SchemaError[]): WriterError[] {
  const seen = new Set<string>();
  const result: WriterError[] = [];
  for (const error of meaningful(errors)) {
    const worded = wording(error);
    const key = `${worded.pointer}\n${worded.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(worded);
  }
  return result;
}

/** The first `oneOf`/`anyOf` alternative in a schema path: `#/definitions/ParameterLocation/oneOf/2/…`. */
const ALTERNATIVE = /\/(oneOf|anyOf)\/(\d+)(?=\/|$)/;

function meaningful(all: readonly SchemaError[]): SchemaError[] {
  const errors = all.filter(
    // "must match then schema" and "must have required property '$ref'" only restate another error.
    (error) => error.keyword !== "if" && !(error.keyword === "required" && error.params.missingProperty === "$ref"),
  );
  const anchors = errors.filter((error) => error.keyword === "oneOf" || error.keyword === "anyOf");
  // Errors of each failed alternative, by the oneOf they belong to and the alternative's number.
  const alternatives = new Map<SchemaError, Map<string, SchemaError[]>>();
  const kept: SchemaError[] = [];
  for (const error of errors) {
    if (anchors.includes(error)) continue;
    const match = ALTERNATIVE.exec(error.schemaPath);
    const anchor = match && anchorOf(anchors, error, `${error.schemaPath.slice(0, match.index)}/${match[1]}`);
    if (!match || !anchor) {
      kept.push(error);
      continue;
    }
    const branches = alternatives.get(anchor) ?? new Map<string, SchemaError[]>();
    alternatives.set(anchor, branches);
    branches.set(match[2], [...(branches.get(match[2]) ?? []), error]);
  }
  for (const branches of alternatives.values()) kept.push(...meantAlternatives([...branches.values()]));
  // A oneOf that failed stays only when nothing else says why.
  for (const anchor of anchors) {
    if (!kept.some((error) => isWithin(error.instancePath, anchor.instancePath))) kept.push(anchor);
  }
  return kept;
}

/** The innermost failed oneOf with this schema path that holds the error's value. */
function anchorOf(anchors: readonly SchemaError[], error: SchemaError, schemaPath: string): SchemaError | undefined {
  let best: SchemaError | undefined;
  for (const anchor of anchors) {
    if (anchor.schemaPath !== schemaPath || !isWithin(error.instancePath, anchor.instancePath)) continue;
    if (!best || anchor.instancePath.length > best.instancePath.length) best = anchor;
  }
  return best;
}

function isWithin(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

function meantAlternatives(branches: SchemaError[][]): SchemaError[] {
  const onFixedValue = (error: SchemaError) => error.keyword === "enum" || error.keyword === "const";
  const meant = branches.filter((branch) => !branch.some(onFixedValue));
  if (meant.length > 0) return meant.flat();
  return [mergedAllowedValues(branches.flat().filter(onFixedValue))];
}

/** One "must be one of" error listing the values every alternative allows. */
function mergedAllowedValues(errors: SchemaError[]): SchemaError {
  const allowed = new Set<unknown>();
  for (const error of errors) {
    if (Array.isArray(error.params.allowedValues)) for (const value of error.params.allowedValues) allowed.add(value);
    if ("allowedValue" in error.params) allowed.add(error.params.allowedValue);
  }
  return { ...errors[0], keyword: "enum", params: { allowedValues: [...allowed] } };
}

function wording(error: SchemaError): WriterError {
  const at = error.instancePath;
  const p = error.params;
  switch (error.keyword) {
    case "required":
      return { pointer: at, message: `the required field "${String(p.missingProperty)}" is missing` };
    case "additionalProperties":
    case "unevaluatedProperties": {
      const key = String(p.additionalProperty ?? p.unevaluatedProperty);
      return { pointer: childPointer(at, key), message: `"${key}" is not allowed here` };
    }
    case "enum":
      return { pointer: at, message: `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}` };
    case "type":
      return { pointer: at, message: `must be ${article(String(p.type))}` };
    default:
      return { pointer: at, message: `${error.message ?? error.keyword}` };
  }
}

/** A path in the document, as the writer reads it: `paths › /pets/{id} › get › responses › 404`. */
export function readablePath(pointer: string): string {
  const keys = pointerKeys(pointer);
  return keys.length ? keys.join(" › ") : "the document";
}

function article(type: string): string {
  const words = type.split(",").map((t) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`));
  return words.join(" or ");
}
