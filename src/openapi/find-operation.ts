import { closestMatch, nearestMatches } from "../diagnostics/did-you-mean.ts";
import { escapeRegExp } from "../text/escape-reg-exp.ts";
import type { ApiReference, HttpMethod, Operation, Tag } from "./model.ts";

/**
 * Guides name operations the way readers see them, `GET /contacts/{id}`, or by `operationId`: the operation tag
 * (`{% operation GET /contacts %}`) and marked JSON examples (```` ```json GET /contacts 200 ````) find them here.
 */
export type OperationName = { method: HttpMethod; path: string } | { operationId: string };

/** An operation and the tag group it is shown under (the reference has one page per tag). */
export interface FoundOperation {
  operation: Operation;
  tag: Tag;
}

const METHODS: ReadonlySet<string> = new Set<HttpMethod>(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/** The HTTP method a word names, in any case (`GET`, `get`), or undefined. */
export function httpMethod(word: string | undefined): HttpMethod | undefined {
  const lower = word?.toLowerCase();
  return lower !== undefined && METHODS.has(lower) ? (lower as HttpMethod) : undefined;
}

/** `GET /contacts` or `listContacts` as written after a tag's name; a sentence saying what is wrong otherwise. */
export function readOperationName(text: string): OperationName | { problem: string } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const method = httpMethod(words[0]);
  if (words.length === 2 && method && words[1].startsWith("/")) return { method, path: words[1] };
  if (words.length === 1 && !method) return { operationId: words[0] };
  return { problem: `"${text.trim()}" names no operation: write its method and path (GET /contacts) or its operationId (listContacts)` };
}

/**
 * The operation a name means. A path may be the template as the document writes it (`/contacts/{id}`, with any
 * placeholder names) or a concrete one (`/contacts/42`), as in the request a guide shows; when several templates
 * fit, the one with the most literal segments wins (`/contacts/search` over `/contacts/{id}`).
 */
export function findOperation(reference: ApiReference, name: OperationName): FoundOperation | undefined {
  let best: FoundOperation | undefined;
  let bestScore = -1;
  for (const tag of reference.tags) {
    for (const operation of tag.operations) {
      if ("operationId" in name) {
        if (operation.operationId === name.operationId) return { operation, tag };
        continue;
      }
      if (operation.method !== name.method) continue;
      const score = pathMatch(operation.path, name.path);
      if (score > bestScore) {
        best = { operation, tag };
        bestScore = score;
      }
    }
  }
  return best;
}

/** `GET /contacts/{id}`: how messages name an operation. */
export function operationLabel(operation: Pick<Operation, "method" | "path">): string {
  return `${operation.method.toUpperCase()} ${operation.path}`;
}

/** How a name reads in a message: `GET /contacts` or `listContacts`. */
export function writtenName(name: OperationName): string {
  return "operationId" in name ? name.operationId : operationLabel(name);
}

/**
 * The hint for a name that matches nothing: the nearest operations the document has, nearest first. A name may
 * also be written text in the place of `GET /contacts` (`FETCH /contacts`, whose method is none).
 */
export function nearestOperationsHint(reference: ApiReference, name: OperationName | string): string {
  const operations = reference.tags.flatMap((tag) => tag.operations);
  if (operations.length === 0) return `${reference.file} describes no operations yet.`;
  const byId = typeof name !== "string" && "operationId" in name;
  const keyOf = (operation: Operation) => (byId ? (operation.operationId ?? operationLabel(operation)) : operationLabel(operation));
  const shown = new Map(operations.map((operation) => [keyOf(operation), shownName(operation)]));
  const nearest = nearestMatches(typeof name === "string" ? name : writtenName(name), [...shown.keys()], 3).map((key) => shown.get(key));
  return `The closest operations in ${reference.file}: ${nearest.join(", ")}.`;
}

/** `FETCH /contacts`: the method, when one is near enough to be meant, and what the document has at that path. */
export function unknownMethodProblem(reference: ApiReference | undefined, word: string, path: string): { message: string; hint: string } {
  const methods = [...METHODS].map((method) => method.toUpperCase());
  const meant = closestMatch(word, methods);
  const message = `"${word}" is no HTTP method${meant ? `: did you mean ${meant}?` : ""}`;
  if (!reference) return { message, hint: `Write one of ${methods.join(", ")} before the path.` };
  const atPath = [...METHODS].flatMap((method) => findOperation(reference, { method: method as HttpMethod, path })?.operation ?? []);
  const hint = atPath.length
    ? `${reference.file} has at ${path}: ${atPath.map(shownName).join(", ")}.`
    : nearestOperationsHint(reference, `${meant ?? word} ${path}`);
  return { message, hint };
}

function shownName(operation: Operation): string {
  return operation.operationId ? `${operationLabel(operation)} (${operation.operationId})` : operationLabel(operation);
}

/** -1 when `written` is no request to `template`; otherwise how many segments are equal as written. */
function pathMatch(template: string, written: string): number {
  const expected = segments(template);
  const actual = segments(written);
  if (expected.length !== actual.length) return -1;
  let literal = 0;
  for (let i = 0; i < expected.length; i++) {
    if (expected[i] === actual[i]) literal++;
    else if (!(isPlaceholder(actual[i]) && expected[i].includes("{")) && !segmentPattern(expected[i]).test(actual[i])) return -1;
  }
  return literal;
}

/** A path's segments, without a query, a fragment or a trailing slash. */
function segments(path: string): string[] {
  const bare = path.split(/[?#]/)[0].replace(/(.)\/+$/, "$1");
  return bare.split("/");
}

function isPlaceholder(segment: string): boolean {
  return /^\{[^{}]+\}$/.test(segment);
}

/** A template segment (`{id}`, `{name}.json`) as a pattern that a concrete segment matches. */
function segmentPattern(segment: string): RegExp {
  const parts = segment.split(/\{[^{}]*\}/).map(escapeRegExp);
  return new RegExp(`^${parts.join("[^/]+")}$`);
}
