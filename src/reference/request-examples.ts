import { exampleValue } from "../openapi/example-value.ts";
import type { ApiReference, MediaType, Operation, Parameter } from "../openapi/model.ts";
import { valueText } from "./html.ts";

/** One request an operation takes, with example values filled in: what the curl, fetch and requests snippets send. */
export interface ExampleRequest {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  /** JSON bodies as values; anything else as the text to send. */
  body?: { contentType: string; json: unknown } | { contentType: string; text: string };
}

/** Where the API lives when the document names no server: an address that is plainly an example. */
const NO_SERVER = "https://api.example.com";

/**
 * The operation's request with example values: the first server's address, path and required query parameters
 * from their examples, the credentials of the first way to authenticate as placeholders, and the request body's
 * example (from the document, or made from its schema).
 */
export function exampleRequest(reference: ApiReference, operation: Operation): ExampleRequest {
  const server = (reference.servers[0]?.url ?? NO_SERVER).replace(/\/+$/, "");
  const path = operation.path.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const parameter = operation.parameters.find((p) => p.in === "path" && p.name === name);
    return parameter ? encodeURIComponent(valueText(parameterExample(parameter))) : whole;
  });
  const query = new URLSearchParams();
  const headers: Array<[string, string]> = [];
  for (const parameter of operation.parameters) {
    if (!parameter.required && parameter.example === undefined) continue;
    if (parameter.in === "query") query.append(parameter.name, valueText(parameterExample(parameter)));
    if (parameter.in === "header") headers.push([parameter.name, valueText(parameterExample(parameter))]);
  }
  for (const { key } of operation.security[0]?.schemes ?? []) {
    const scheme = reference.securitySchemes.find((s) => s.key === key);
    if (scheme?.type === "apiKey" && scheme.in === "query") query.append(scheme.name ?? key, "<api-key>");
    else if (scheme?.type === "apiKey" && scheme.in === "header") headers.push([scheme.name ?? key, "<api-key>"]);
    else if (scheme?.type === "apiKey" && scheme.in === "cookie") headers.push(["Cookie", `${scheme.name ?? key}=<api-key>`]);
    else if (scheme?.type === "http" && scheme.scheme?.toLowerCase() === "basic") headers.push(["Authorization", "Basic <base64 of user:password>"]);
    else if (scheme?.type === "http" || scheme?.type === "oauth2" || scheme?.type === "openIdConnect") headers.push(["Authorization", "Bearer <access-token>"]);
  }
  const search = query.toString();
  const request: ExampleRequest = { method: operation.method.toUpperCase(), url: `${server}${path}${search ? `?${search}` : ""}`, headers };
  const media = operation.requestBody?.content[0];
  if (media) {
    request.headers.push(["Content-Type", media.contentType]);
    const value = bodyExample(media);
    request.body = isJson(media.contentType) ? { contentType: media.contentType, json: value } : { contentType: media.contentType, text: bodyText(value) };
  }
  return request;
}

function parameterExample(parameter: Parameter): unknown {
  return parameter.example ?? exampleValue(parameter.schema, "request");
}

/** The body a request or response shows: the document's first example, else one made from the schema. */
export function bodyExample(media: MediaType, direction: "request" | "response" = "request"): unknown {
  if (media.examples.length) return media.examples[0].value;
  return media.schema ? exampleValue(media.schema, direction) : "";
}

export function isJson(contentType: string): boolean {
  return /[/+]json\b/i.test(contentType);
}

/** A form or text body: form fields as `a=1&b=2`, anything else as written. */
function bodyText(value: unknown): string {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return new URLSearchParams(Object.entries(value).map(([k, v]) => [k, valueText(v)])).toString();
  }
  return valueText(value);
}

/** A single-quoted shell word: `'` closes, is escaped, and reopens. */
const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export function curlSnippet(request: ExampleRequest): string {
  const lines = [`curl -X ${request.method} ${shellQuote(request.url)}`];
  for (const [name, value] of request.headers) lines.push(`  -H ${shellQuote(`${name}: ${value}`)}`);
  if (request.body) lines.push(`  --data ${shellQuote("json" in request.body ? JSON.stringify(request.body.json, null, 2) : request.body.text)}`);
  return lines.join(" \\\n");
}

export function fetchSnippet(request: ExampleRequest): string {
  const options = [`  method: ${JSON.stringify(request.method)},`];
  if (request.headers.length) {
    options.push("  headers: {", ...request.headers.map(([name, value]) => `    ${JSON.stringify(name)}: ${JSON.stringify(value)},`), "  },");
  }
  if (request.body) {
    options.push(
      "json" in request.body
        ? `  body: JSON.stringify(${indentAfterFirst(JSON.stringify(request.body.json, null, 2), "  ")}),`
        : `  body: ${JSON.stringify(request.body.text)},`,
    );
  }
  return [`const response = await fetch(${JSON.stringify(request.url)}, {`, ...options, "});", "const data = await response.json();"].join("\n");
}

/** The methods requests has a function of its own for. */
const REQUESTS_FUNCTIONS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);

export function pythonSnippet(request: ExampleRequest): string {
  const call = REQUESTS_FUNCTIONS.has(request.method)
    ? `requests.${request.method.toLowerCase()}(`
    : `requests.request(${JSON.stringify(request.method)},`;
  const args = [`    ${JSON.stringify(request.url)},`];
  if (request.headers.length) {
    args.push("    headers={", ...request.headers.map(([name, value]) => `        ${JSON.stringify(name)}: ${JSON.stringify(value)},`), "    },");
  }
  if (request.body) {
    args.push("json" in request.body ? `    json=${indentAfterFirst(pythonLiteral(request.body.json), "    ")},` : `    data=${JSON.stringify(request.body.text)},`);
  }
  return ["import requests", "", `response = ${call}`, ...args, ")", "print(response.json())"].join("\n");
}

/** A JSON value as a Python literal, indented by 4 (True, False and None for JSON's words). */
export function pythonLiteral(value: unknown, indent = ""): string {
  const inner = `${indent}    `;
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((item) => `${inner}${pythonLiteral(item, inner)},`).join("\n")}\n${indent}]`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return "{}";
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pythonLiteral(v, inner)},`).join("\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

function indentAfterFirst(text: string, indent: string): string {
  return text.replace(/\n/g, `\n${indent}`);
}
