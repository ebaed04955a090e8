import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { closestMatch } from "../diagnostics/did-you-mean.ts";
import { childPointer, isObject, pointerKeys, pointerOf, valueAt } from "./json-pointer.ts";
import { specProblem, type SpecDocument } from "./spec-document.ts";

/** Keys whose values are data, not API description: a `$ref` inside an example is just a field of the example. */
const DATA_KEYS: ReadonlySet<string> = new Set(["example", "examples", "default", "enum", "const"]);

/** Where a `$ref` leads inside its own document, or why it leads nowhere. */
export type RefTarget = { found: true; pointer: string; value: unknown } | RefMiss;

/** A `$ref` that leads nowhere: to a node the document does not have, or out of the file. */
export interface RefMiss {
  found: false;
  reason: "missing" | "external";
  /** The pointer it names, for a reference inside the file. */
  pointer?: string;
}

/**
 * Follows a `$ref` inside the document. Only references within the file (`#/…`) are read: the build never fetches
 * a URL, and one file per API keeps every line of the reference traceable.
 */
export function resolveRef(root: unknown, ref: string): RefTarget {
  if (!ref.startsWith("#")) return { found: false, reason: "external" };
  const pointer = decodeURIComponent(ref.slice(1));
  const value = valueAt(root, pointer);
  return value === undefined ? { found: false, reason: "missing", pointer } : { found: true, pointer, value };
}

/** The component a reference names (`#/components/schemas/Pet`, or `#/definitions/Pet` in Swagger 2.0). */
export function componentOf(ref: string): { section: string; name: string } | undefined {
  const keys = ref.startsWith("#") ? pointerKeys(decodeURIComponent(ref.slice(1))) : [];
  if (keys.length === 3 && keys[0] === "components") return { section: keys[1], name: keys[2] };
  if (keys.length === 2 && ["definitions", "parameters", "responses", "securityDefinitions"].includes(keys[0])) {
    return { section: keys[0] === "definitions" ? "schemas" : keys[0], name: keys[1] };
  }
  return undefined;
}

/** The `$ref` of a Reference Object, if the value is one. */
export function refOf(value: unknown): string | undefined {
  return isObject(value) && typeof value.$ref === "string" ? value.$ref : undefined;
}

/** Every `$ref` in the document that leads nowhere, with its pointer (the object holding it). */
export function brokenRefs(doc: Pick<SpecDocument, "root">): { pointer: string; ref: string; target: RefMiss }[] {
  const broken: { pointer: string; ref: string; target: RefMiss }[] = [];
  const visit = (node: unknown, pointer: string): void => {
    if (!isObject(node)) return;
    const ref = refOf(node);
    if (ref !== undefined) {
      const target = resolveRef(doc.root, ref);
      if (!target.found) broken.push({ pointer, ref, target });
    }
    for (const [key, child] of Object.entries(node)) {
      if (DATA_KEYS.has(key) || key.startsWith("x-")) continue;
      visit(child, childPointer(pointer, key));
    }
  };
  visit(doc.root, "");
  return broken;
}

/**
 * Every `$ref` whose chain of references never reaches a definition (`A: {$ref: B}`, `B: {$ref: A}`, or one naming
 * itself): nothing can be read there, and the reference would silently lose the part. A definition that refers to
 * itself further down (a tree's `children: {items: {$ref: Node}}`) is no loop. Each loop is given once, at the first
 * of its references in the document.
 */
export function refLoops(doc: Pick<SpecDocument, "root">): { pointer: string; ref: string; chain: string[] }[] {
  const loops: { pointer: string; ref: string; chain: string[] }[] = [];
  const reported = new Set<string>();
  const visit = (node: unknown, pointer: string): void => {
    if (!isObject(node)) return;
    const ref = refOf(node);
    if (ref !== undefined) {
      const chain = [ref];
      for (let target = resolveRef(doc.root, ref); target.found; ) {
        const next = refOf(target.value);
        if (next === undefined) break;
        if (chain.includes(next)) {
          const loop = chain.slice(chain.indexOf(next));
          const key = [...loop].sort().join("\n");
          if (!reported.has(key)) {
            reported.add(key);
            loops.push({ pointer, ref, chain: [...loop, next] });
          }
          break;
        }
        chain.push(next);
        target = resolveRef(doc.root, next);
      }
    }
    for (const [key, child] of Object.entries(node)) {
      if (DATA_KEYS.has(key) || key.startsWith("x-")) continue;
      visit(child, childPointer(pointer, key));
    }
  };
  visit(doc.root, "");
  return loops;
}

/** One error per broken `$ref` and per loop of references, at its line, naming the reference and what is wrong. */
export function refDiagnostics(doc: SpecDocument): Diagnostic[] {
  const loops = refLoops(doc).map(({ pointer, ref, chain }) =>
    specProblem(doc, childPointer(pointer, "$ref"), {
      code: "openapi-ref",
      message: `$ref "${ref}" never reaches a definition: ${chain.map((link) => `"${link}"`).join(" → ")} lead round in a loop`,
      hint: "Point one of these references at the definition itself (an object with type:, properties:, in: …).",
    }),
  );
  return [...loops, ...brokenDiagnostics(doc)];
}

function brokenDiagnostics(doc: SpecDocument): Diagnostic[] {
  return brokenRefs(doc).map(({ pointer, ref, target }) => {
    const at = childPointer(pointer, "$ref");
    if (target.reason === "external") {
      return specProblem(doc, at, {
        code: "openapi-ref",
        message: `$ref "${ref}" points outside this file; the reference is built from this file alone`,
        hint: "Move the definition into this file (under components/) and refer to it as #/components/….",
      });
    }
    const { missing, known } = firstMissingKey(doc.root, target.pointer ?? "");
    const suggestion = closestMatch(missing.key, known);
    const hint = suggestion
      ? `Did you mean "${suggestion}"?`
      : known.length
        ? `It has ${known.slice(0, 8).map((key) => `"${key}"`).join(", ")}${known.length > 8 ? ", …" : ""}.`
        : undefined;
    return specProblem(doc, at, {
      code: "openapi-ref",
      message: `$ref "${ref}" points at nothing: ${missing.parent ? `"${missing.parent}"` : "the document"} has no "${missing.key}"`,
      ...(hint ? { hint } : {}),
    });
  });
}

/** The first key along a pointer that does not exist, its parent's pointer, and the keys the parent has. */
function firstMissingKey(root: unknown, pointer: string): { missing: { parent: string; key: string }; known: string[] } {
  const keys = pointerKeys(pointer);
  let node = root;
  for (let i = 0; i < keys.length; i++) {
    if (!isObject(node) || !Object.hasOwn(node, keys[i])) {
      const parent = pointerOf(keys.slice(0, i)).slice(1);
      return { missing: { parent, key: keys[i] }, known: isObject(node) ? Object.keys(node) : [] };
    }
    node = node[keys[i]];
  }
  return { missing: { parent: "", key: keys.at(-1) ?? "" }, known: [] };
}

/**
 * The node a pointer reaches when every Reference Object along the way is followed, as a pointer into the
 * document as written. A validator that reads the document with its references replaced reports problems at such
 * paths; the writer fixes them where the referenced definition is.
 */
export function writtenPointer(root: unknown, pointer: string): string {
  let at = "";
  let node = root;
  const seen = new Set<string>();
  for (const key of pointerKeys(pointer)) {
    let ref = refOf(node);
    while (ref !== undefined && key !== "$ref" && !seen.has(ref)) {
      seen.add(ref);
      const target = resolveRef(root, ref);
      if (!target.found) return at;
      at = target.pointer;
      node = target.value;
      ref = refOf(node);
    }
    if (!isObject(node) || !Object.hasOwn(node, key)) return at;
    node = node[key];
    at = childPointer(at, key);
  }
  return at;
}
