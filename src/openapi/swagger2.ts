import { childPointer, isObject } from "./json-pointer.ts";
import { refOf, resolveRef } from "./refs.ts";

type Raw = Record<string, unknown>;

/** A Swagger 2.0 document read as OpenAPI 3.0, and where in the original each new object came from. */
export interface OpenApi3View {
  view: Raw;
  /** Object of the view → pointer of what it was made from in the document as written. */
  origin: WeakMap<object, string>;
}

const PARAMETER_FIELDS = [
  "type", "format", "items", "collectionFormat", "default", "enum", "minimum", "maximum", "exclusiveMinimum",
  "exclusiveMaximum", "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "x-nullable",
];

const METHODS: ReadonlySet<string> = new Set(["get", "put", "post", "delete", "options", "head", "patch"]);

const OAUTH_FLOWS: Record<string, string> = {
  implicit: "implicit",
  password: "password",
  application: "clientCredentials",
  accessCode: "authorizationCode",
};

/**
 * Swagger 2.0 in OpenAPI 3.0's shape, so that one model builder reads both. The few constructs that differ are
 * mapped here: `host`/`basePath`/`schemes` become servers, the body parameter and form parameters a request body,
 * a response's schema one content entry per `produces` type, `securityDefinitions` security schemes. Schemas are not
 * copied: they are the same objects (a 2.0 schema is a 3.0 one, `x-nullable` aside, which the schema reader knows),
 * and their `#/definitions/…` references resolve in the original. swagger2openapi does the same but brings 40
 * packages and loses the line of everything it moves; this keeps each new object's origin for diagnostics.
 */
export function openApi3View(root: Raw): OpenApi3View {
  const origin = new WeakMap<object, string>();
  const made = <T extends object>(value: T, pointer: string): T => {
    origin.set(value, pointer);
    return value;
  };
  const produces = stringList(root.produces, ["application/json"]);
  const consumes = stringList(root.consumes, ["application/json"]);

  const paths: Raw = {};
  for (const [path, item] of Object.entries(isObject(root.paths) ? root.paths : {})) {
    if (!isObject(item)) continue;
    const itemPointer = childPointer("/paths", path);
    const shared = parametersOf(root, item.parameters, childPointer(itemPointer, "parameters"));
    const converted: Raw = {};
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method) || !isObject(operation)) {
        // Path-level parameters are merged into each operation's below.
        if (method !== "parameters") converted[method] = operation;
        continue;
      }
      const at = childPointer(itemPointer, method);
      const own = parametersOf(root, operation.parameters, childPointer(at, "parameters"));
      const all = [...shared.filter((p) => !own.some((o) => o.value.name === p.value.name && o.value.in === p.value.in)), ...own];
      const opConsumes = stringList(operation.consumes, consumes);
      const opProduces = stringList(operation.produces, produces);
      const { parameters: _p, consumes: _c, produces: _pr, responses, schemes: _s, ...rest } = operation;
      converted[method] = made(
        {
          ...rest,
          parameters: all.filter((p) => p.value.in !== "body" && p.value.in !== "formData").map((p) => made(parameter(p.value), p.pointer)),
          ...requestBodyOf(all, opConsumes, made),
          responses: responsesOf(root, responses, childPointer(at, "responses"), opProduces, made),
        },
        at,
      );
    }
    paths[path] = made(converted, itemPointer);
  }

  const securitySchemes: Raw = {};
  for (const [key, scheme] of Object.entries(isObject(root.securityDefinitions) ? root.securityDefinitions : {})) {
    if (isObject(scheme)) securitySchemes[key] = made(securityScheme(scheme), childPointer("/securityDefinitions", key));
  }

  const view: Raw = {
    openapi: "3.0.3",
    info: root.info,
    servers: serversOf(root),
    paths,
    components: { schemas: isObject(root.definitions) ? root.definitions : {}, securitySchemes },
    ...(root.security !== undefined ? { security: root.security } : {}),
    ...(root.tags !== undefined ? { tags: root.tags } : {}),
  };
  return { view, origin };
}

function serversOf(root: Raw): Raw[] {
  const basePath = typeof root.basePath === "string" ? root.basePath : "";
  if (typeof root.host !== "string") return basePath ? [{ url: basePath }] : [];
  return stringList(root.schemes, ["https"]).map((scheme) => ({ url: `${scheme}://${root.host}${basePath}` }));
}

/** A parameter list with its references followed: each parameter as written, and where it is written. */
function parametersOf(root: Raw, list: unknown, pointer: string): { value: Raw; pointer: string }[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry, index) => {
    const ref = refOf(entry);
    if (ref === undefined) return isObject(entry) ? [{ value: entry, pointer: childPointer(pointer, index) }] : [];
    const target = resolveRef(root, ref);
    return target.found && isObject(target.value) ? [{ value: target.value, pointer: target.pointer }] : [];
  });
}

function parameter(p: Raw): Raw {
  const { name, in: where, required, description, ...rest } = p;
  const schema: Raw = {};
  for (const field of PARAMETER_FIELDS) if (field in rest) schema[field] = rest[field];
  return { name, in: where, required, description, schema };
}

/** The body parameter, or the form parameters, as a request body. */
function requestBodyOf(params: { value: Raw; pointer: string }[], consumes: string[], made: <T extends object>(v: T, p: string) => T): Raw {
  const body = params.find((p) => p.value.in === "body");
  if (body) {
    const content: Raw = {};
    for (const type of consumes) content[type] = made({ schema: body.value.schema }, body.pointer);
    return { requestBody: made({ description: body.value.description, required: body.value.required === true, content }, body.pointer) };
  }
  const form = params.filter((p) => p.value.in === "formData");
  if (form.length === 0) return {};
  const properties: Raw = {};
  for (const p of form) {
    const { schema } = parameter(p.value);
    const property = isObject(schema) && schema.type === "file" ? { type: "string", format: "binary" } : schema;
    properties[String(p.value.name)] = { ...(property as Raw), ...(p.value.description ? { description: p.value.description } : {}) };
  }
  const required = form.filter((p) => p.value.required === true).map((p) => String(p.value.name));
  const multipart = consumes.includes("multipart/form-data") || form.some((p) => p.value.type === "file");
  const type = multipart ? "multipart/form-data" : "application/x-www-form-urlencoded";
  const schema = { type: "object", properties, ...(required.length ? { required } : {}) };
  return { requestBody: made({ required: required.length > 0, content: { [type]: made({ schema }, form[0].pointer) } }, form[0].pointer) };
}

function responsesOf(root: Raw, responses: unknown, pointer: string, produces: string[], made: <T extends object>(v: T, p: string) => T): Raw {
  const converted: Raw = {};
  for (const [status, written] of Object.entries(isObject(responses) ? responses : {})) {
    let response = written;
    let at = childPointer(pointer, status);
    const ref = refOf(written);
    if (ref !== undefined) {
      const target = resolveRef(root, ref);
      if (!target.found || !isObject(target.value)) continue;
      response = target.value;
      at = target.pointer;
    }
    if (!isObject(response)) continue;
    const examples = isObject(response.examples) ? response.examples : {};
    const content: Raw = {};
    if (response.schema !== undefined) {
      for (const type of produces) {
        content[type] = made({ schema: response.schema, ...(type in examples ? { example: examples[type] } : {}) }, at);
      }
    }
    const headers: Raw = {};
    for (const [name, header] of Object.entries(isObject(response.headers) ? response.headers : {})) {
      if (isObject(header)) headers[name] = { description: header.description, schema: parameter(header).schema };
    }
    converted[status] = made({ description: response.description, headers, content }, at);
  }
  return converted;
}

function securityScheme(scheme: Raw): Raw {
  if (scheme.type === "basic") return { type: "http", scheme: "basic", description: scheme.description };
  if (scheme.type !== "oauth2") return scheme;
  const flow = OAUTH_FLOWS[String(scheme.flow)] ?? String(scheme.flow);
  const { authorizationUrl, tokenUrl, scopes } = scheme;
  return { type: "oauth2", description: scheme.description, flows: { [flow]: { authorizationUrl, tokenUrl, scopes: scopes ?? {} } } };
}

function stringList(value: unknown, otherwise: string[]): string[] {
  return Array.isArray(value) && value.length ? value.map(String) : otherwise;
}
