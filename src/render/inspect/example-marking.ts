import { findOperation, httpMethod, nearestOperationsHint, operationLabel, unknownMethodProblem } from "../../openapi/find-operation.ts";
import type { ApiReference, HttpMethod, MediaType, Operation, SchemaNode } from "../../openapi/model.ts";

/**
 * What a JSON example says it shows, written after the fence's language (```` ```json GET /contacts 200 ````) or as
 * a page's `exampleOperation:`: a method, a path, and which body of the operation: a response status (`200`,
 * `4XX`, `default`) or `request`. Without the third word, the operation's first success response with a JSON body.
 */
export interface ExampleMarking {
  method: HttpMethod;
  path: string;
  shows?: string;
  /** As written, for messages: `GET /contacts 200`. */
  text: string;
}

/** The schema a marked example is checked against, with where the document describes it. */
export interface ExampleTarget {
  operation: Operation;
  schema: SchemaNode;
  /** `response 200`, `request body`. */
  label: string;
  /** The line of that response or request body in the document. */
  sourceLine: number;
}

/** A marking that names nothing the document has: the message and hint of the diagnostic. */
export interface MarkingProblem {
  code: "operation-unknown" | "example-response";
  message: string;
  hint: string;
}

/** The word after ```json that keeps an example out of the page's `exampleOperation:`. */
export const UNCHECKED = "unchecked";

const SHOWS = /^(?:[1-5]\d\d|[1-5]XX|default|request)$/i;
const FORM_HINT = "Mark an example with the method, path and status it shows: ```json GET /contacts 200 (or request for a request body).";

/**
 * The marking in `words` (the fence's info string after its language, or the front matter value). Undefined when
 * the words are no marking (`title="x"`); a problem when they start like one but do not finish, or when a word
 * that is no HTTP method stands before a path (`FETCH /contacts 200`), with what `reference` has at that path.
 */
export function readMarking(words: readonly string[], reference?: ApiReference): ExampleMarking | MarkingProblem | undefined {
  const method = httpMethod(words[0]);
  const [, path, shows, ...rest] = words;
  if (!method) {
    if (!/^[a-z]+$/i.test(words[0] ?? "") || !path?.startsWith("/")) return undefined;
    return { code: "operation-unknown", ...unknownMethodProblem(reference, words[0], path) };
  }
  const text = words.join(" ");
  if (!path?.startsWith("/")) return markingProblem(`"${text}" names no path: the method is followed by the path the example shows, such as /contacts`);
  if ((shows !== undefined && !SHOWS.test(shows)) || rest.length > 0) {
    return markingProblem(`"${text}" should end with a status such as 200, or with request; "${[shows, ...rest].join(" ")}" is neither`);
  }
  return { method, path, ...(shows ? { shows: normalShows(shows) } : {}), text };
}

/** `request` and `default` in lower case, status ranges in upper case (`2XX`), as the document writes them. */
function normalShows(word: string): string {
  const lower = word.toLowerCase();
  return lower === "request" || lower === "default" ? lower : word.toUpperCase();
}

function markingProblem(message: string): MarkingProblem {
  return { code: "operation-unknown", message, hint: FORM_HINT };
}

export function isMarkingProblem(value: ExampleMarking | MarkingProblem | ExampleTarget): value is MarkingProblem {
  return "code" in value;
}

/** The schema the example must fit, or what the document lacks for it. */
export function exampleTarget(reference: ApiReference, marking: ExampleMarking): ExampleTarget | MarkingProblem {
  const found = findOperation(reference, marking);
  if (!found) {
    return {
      code: "operation-unknown",
      message: `${reference.file} has no operation ${marking.method.toUpperCase()} ${marking.path}`,
      hint: nearestOperationsHint(reference, marking),
    };
  }
  const { operation } = found;
  const name = operationLabel(operation);
  if (marking.shows === "request") {
    const media = jsonBody(operation.requestBody?.content ?? []);
    if (media?.schema && operation.requestBody) return { operation, schema: media.schema, label: "request body", sourceLine: operation.requestBody.sourceLine };
    return responseProblem(`${name} takes no JSON request body in ${reference.file}`, operation, reference);
  }
  const response = marking.shows === undefined ? firstSuccess(operation) : responseFor(operation, marking.shows);
  if (!response) {
    const which = marking.shows === undefined ? "no success response with a JSON body" : `no response ${marking.shows}`;
    return responseProblem(`${name} has ${which} in ${reference.file}`, operation, reference);
  }
  const media = jsonBody(response.content);
  if (!media?.schema) return responseProblem(`Response ${response.status} of ${name} has no JSON body in ${reference.file}`, operation, reference);
  return { operation, schema: media.schema, label: `response ${response.status}`, sourceLine: response.sourceLine };
}

function responseProblem(message: string, operation: Operation, reference: ApiReference): MarkingProblem {
  const bodies = [
    ...(jsonBody(operation.requestBody?.content ?? [])?.schema ? ["request"] : []),
    ...operation.responses.filter((response) => jsonBody(response.content)?.schema).map((response) => response.status),
  ];
  const hint = bodies.length
    ? `Its JSON bodies are: ${bodies.join(", ")} (${reference.file}:${operation.sourceLine}).`
    : `It describes no JSON body (${reference.file}:${operation.sourceLine}); mark the example unchecked, or describe the body in the document.`;
  return { code: "example-response", message, hint };
}

/** The response for a status: its own, else its range (`2XX`), else `default`, as a client reads a document. */
function responseFor(operation: Operation, status: string) {
  const byStatus = (wanted: string) => operation.responses.find((response) => response.status.toUpperCase() === wanted.toUpperCase());
  return byStatus(status) ?? (/^\d/.test(status) ? byStatus(`${status[0]}XX`) : undefined) ?? byStatus("default");
}

function firstSuccess(operation: Operation) {
  return operation.responses.find((response) => /^2/.test(response.status) && jsonBody(response.content)?.schema);
}

/** The JSON entry of a body's content types: `application/json` first, then any `…+json` or `…/json`. */
function jsonBody(content: readonly MediaType[]): MediaType | undefined {
  const bare = (media: MediaType) => media.contentType.split(";")[0].trim().toLowerCase();
  return content.find((media) => bare(media) === "application/json") ?? content.find((media) => /[/+]json$/.test(bare(media)));
}
