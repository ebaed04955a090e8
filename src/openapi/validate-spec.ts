import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { isObject, pointerKeys, pointerOf, valueAt } from "./json-pointer.ts";
import { brokenRefs, writtenPointer } from "./refs.ts";
import { readablePath, writerErrors, type SchemaError } from "./schema-errors.ts";
import { specProblem, type SpecDocument } from "./spec-document.ts";

/** Checks made here, by the model, with the line of the offending operation; the library's copy is dropped. */
const CHECKED_BY_MODEL = /Duplicate operation id|missing path parameter/;

const HINT = "See the OpenAPI Specification for what this part of the document may contain (spec.openapis.org).";

/**
 * Validates an API description against the OpenAPI (or Swagger 2.0) schema and rules. The schema is checked on
 * the document as written, with the schemas swagger-parser uses compiled once (src/openapi/openapi-schema.ts), so
 * each problem is an error at the line where it is written; the rules the schema cannot express (a path parameter
 * that is not declared, two body parameters) are @apidevtools/swagger-parser's. The library stops at the first
 * `$ref` that leads nowhere, so it reads a copy where those (reported on their own, see refDiagnostics) are empty.
 */
export async function validateSpec(doc: SpecDocument): Promise<Diagnostic[]> {
  // Loaded with the first description: with Ajv they cost every command 0.15 s of CPU at start, on trees without one.
  const [{ default: SwaggerParser }, { schemaErrors }] = await Promise.all([import("@apidevtools/swagger-parser"), import("./openapi-schema.ts")]);
  const broken = brokenRefs(doc).map((entry) => entry.pointer);
  const copy = structuredClone(doc.root);
  for (const pointer of broken) emptyAt(copy, pointer);
  const errors = schemaErrors(copy, doc.version);
  if (errors.length) return schemaDiagnostics(doc, errors as SchemaError[], broken);
  try {
    // Nothing outside the document is read: the references left are all inside it.
    await SwaggerParser.validate(copy as never, { resolve: { external: false }, validate: { schema: false } });
    return [];
  } catch (error) {
    return ruleDiagnostics(doc, (error as Error).message);
  }
}

function schemaDiagnostics(doc: SpecDocument, errors: SchemaError[], broken: readonly string[]): Diagnostic[] {
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const { pointer, message } of writerErrors(errors)) {
    const written = writtenPointer(doc.root, pointer);
    // An emptied broken reference is missing what it would have held; its own error says so.
    if (broken.some((at) => written === at || written.startsWith(`${at}/`))) continue;
    const text = `${readablePath(written)}: ${message}`;
    if (seen.has(text)) continue;
    seen.add(text);
    diagnostics.push(specProblem(doc, written, { code: "openapi-invalid", message: text, hint: HINT }));
  }
  return diagnostics;
}

/** A rule the schema cannot express (two body parameters, a duplicate parameter), at the operation it names. */
function ruleDiagnostics(doc: SpecDocument, raw: string): Diagnostic[] {
  const message = raw.replace(/^Validation failed\.\s*/, "");
  if (CHECKED_BY_MODEL.test(message)) return [];
  const place = namedPlace(doc.root, message);
  const worded = place.name ? message.replace(place.name, place.readable) : message;
  return [specProblem(doc, place.pointer, { code: "openapi-invalid", message: worded, hint: HINT })];
}

/**
 * The library names an operation as `/paths` + its path + `/` + its method, unescaped (`/paths/pets/{id}/get`):
 * the longest such name in the message is the place, which the message then names as `GET /pets/{id}`.
 */
function namedPlace(root: Record<string, unknown>, message: string): { name: string; pointer: string; readable: string } {
  let best = { name: "", pointer: "", readable: "" };
  const consider = (name: string, pointer: string, readable: string) => {
    if (name.length > best.name.length && message.includes(name)) best = { name, pointer, readable };
  };
  for (const name of Object.keys(isObject(root.definitions) ? root.definitions : {})) {
    consider(`/definitions/${name}`, pointerOf(["definitions", name]), `definitions › ${name}`);
  }
  for (const [path, item] of Object.entries(isObject(root.paths) ? root.paths : {})) {
    consider(`/paths${path}`, pointerOf(["paths", path]), path);
    for (const method of Object.keys(isObject(item) ? item : {})) {
      consider(`/paths${path}/${method}`, pointerOf(["paths", path, method]), `${method.toUpperCase()} ${path}`);
    }
  }
  return best;
}

function emptyAt(root: unknown, pointer: string): void {
  const keys = pointerKeys(pointer);
  const last = keys.pop();
  const parent = valueAt(root, pointerOf(keys));
  if (last !== undefined && isObject(parent)) parent[last] = {};
}

