import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { HeadingIds } from "./heading-ids.ts";
import { childPointer, isObject } from "./json-pointer.ts";
import type {
  ApiReference,
  Example,
  HttpMethod,
  MediaType,
  OAuthFlow,
  Operation,
  Parameter,
  RequestBody,
  Response,
  ResponseHeader,
  SchemaNode,
  SecurityRequirement,
  SecurityScheme,
  Server,
  Tag,
} from "./model.ts";
import { refOf, resolveRef } from "./refs.ts";
import { SchemaReader } from "./schema-tree.ts";
import { specProblem, type SpecDocument } from "./spec-document.ts";
import { openApi3View } from "./swagger2.ts";

type Raw = Record<string, unknown>;

const METHODS: readonly HttpMethod[] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const PARAMETER_ORDER = ["path", "query", "header", "cookie"];
/** The group of operations without a tag, named as Swagger UI names it. */
const UNTAGGED = "default";

/**
 * The API reference (src/openapi/model.ts) of a document that has been read. It builds what it can: a part that
 * is missing or malformed (reported by validateSpec and refDiagnostics) is left out or shown as "any", and the
 * rest of the reference stands. Returns the problems only the model sees (a repeated operationId).
 */
export function buildModel(doc: SpecDocument, element: string): { reference: ApiReference; diagnostics: Diagnostic[] } {
  return new ModelBuilder(doc, element).build();
}

class ModelBuilder {
  private readonly view: Raw;
  private readonly origin: WeakMap<object, string>;
  private readonly ids = new HeadingIds();
  private readonly reader: SchemaReader;
  private readonly schemaNames: string[];
  private readonly schemaIds: ReadonlyMap<string, string>;
  private readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly doc: SpecDocument,
    private readonly element: string,
  ) {
    ({ view: this.view, origin: this.origin } = doc.version === "2.0" ? openApi3View(doc.root) : { view: doc.root, origin: new WeakMap() });
    this.schemaNames = Object.keys(this.section("schemas"));
    this.schemaIds = new Map(this.schemaNames.map((name) => [name, this.ids.schema(name)]));
    this.reader = new SchemaReader(doc.root, this.schemaIds);
  }

  build(): { reference: ApiReference; diagnostics: Diagnostic[] } {
    const info = isObject(this.view.info) ? this.view.info : {};
    const security = this.requirements(this.view.security) ?? [];
    const reference: ApiReference = {
      element: this.element,
      file: this.doc.file,
      specVersion: String(this.doc.root.openapi ?? this.doc.root.swagger ?? ""),
      title: text(info.title) ?? this.element,
      version: text(info.version) ?? "",
      ...optional("description", text(info.description)),
      servers: this.servers(),
      securitySchemes: this.securitySchemes(),
      security,
      tags: this.tags(this.operations(security)),
      schemas: this.schemaNames.map((name) => ({
        name,
        schemaId: this.schemaIds.get(name) as string,
        schema: this.reader.component(name),
        sourceLine: this.line(undefined, this.schemaPointer(name)),
      })),
      descriptionLines: descriptionLines(this.doc),
    };
    return { reference, diagnostics: this.diagnostics };
  }

  /** A section of `components` (the view gives Swagger 2.0's in the same place). */
  private section(name: string): Raw {
    const components = isObject(this.view.components) ? this.view.components : {};
    return isObject(components[name]) ? components[name] : {};
  }

  private schemaPointer(name: string): string {
    return this.doc.version === "2.0" ? childPointer("/definitions", name) : childPointer("/components/schemas", name);
  }

  private line(value: unknown, pointer: string): number {
    const from = isObject(value) ? this.origin.get(value) : undefined;
    return this.doc.lineOf(from ?? pointer);
  }

  /** A value with its Reference Objects followed, and where it is written; undefined for a broken reference. */
  private follow(value: unknown, pointer: string): { value: Raw; pointer: string } | undefined {
    let current = value;
    let at = pointer;
    const seen = new Set<string>();
    for (let ref = refOf(current); ref !== undefined; ref = refOf(current)) {
      if (seen.has(ref)) return undefined;
      seen.add(ref);
      const target = resolveRef(this.doc.root, ref);
      if (!target.found) return undefined;
      current = target.value;
      at = target.pointer;
    }
    return isObject(current) ? { value: current, pointer: at } : undefined;
  }

  private servers(): Server[] {
    const list = Array.isArray(this.view.servers) ? this.view.servers : [];
    return list.filter(isObject).map((server) => ({ url: String(server.url ?? ""), ...optional("description", text(server.description)) }));
  }

  private securitySchemes(): SecurityScheme[] {
    return Object.entries(this.section("securitySchemes")).flatMap(([key, written]) => {
      const found = this.follow(written, childPointer("/components/securitySchemes", key));
      if (!found) return [];
      const scheme = found.value;
      const where: SecurityScheme["in"] = scheme.in === "query" || scheme.in === "header" || scheme.in === "cookie" ? scheme.in : undefined;
      const flows = isObject(scheme.flows) ? Object.entries(scheme.flows).filter(([, flow]) => isObject(flow)).map(([flow, f]) => oauthFlow(flow, f as Raw)) : undefined;
      return [
        {
          key,
          type: String(scheme.type ?? ""),
          ...optional("description", text(scheme.description)),
          ...optional("scheme", text(scheme.scheme)),
          ...optional("bearerFormat", text(scheme.bearerFormat)),
          ...optional("in", where),
          ...optional("name", text(scheme.name)),
          ...optional("flows", flows),
          ...optional("openIdConnectUrl", text(scheme.openIdConnectUrl)),
          sourceLine: this.line(scheme, found.pointer),
        },
      ];
    });
  }

  /** Security requirements as written; undefined when there are none written (so the API's apply). */
  private requirements(value: unknown): SecurityRequirement[] | undefined {
    if (!Array.isArray(value)) return undefined;
    return value.filter(isObject).map((requirement) => ({
      schemes: Object.entries(requirement).map(([key, scopes]) => ({ key, scopes: Array.isArray(scopes) ? scopes.map(String) : [] })),
    }));
  }

  private operations(security: SecurityRequirement[]): Operation[] {
    const operations: Operation[] = [];
    const firstUse = new Map<string, number>();
    const idOwners = new Map<string, { label: string; line: number }>();
    for (const [path, written] of Object.entries(isObject(this.view.paths) ? this.view.paths : {})) {
      const item = this.follow(written, childPointer("/paths", path));
      if (!item) continue;
      const shared = this.parameters(item.value.parameters, childPointer(item.pointer, "parameters"));
      for (const method of METHODS) {
        const operation = item.value[method];
        if (!isObject(operation)) continue;
        const at = childPointer(item.pointer, method);
        const operationId = text(operation.operationId);
        const idPointer = operationId === undefined ? at : childPointer(at, "operationId");
        const repeated = operationId !== undefined && this.checkUnique(operationId, firstUse, idPointer);
        const own = this.parameters(operation.parameters, childPointer(at, "parameters"));
        const parameters = [...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own].sort(
          (a, b) => PARAMETER_ORDER.indexOf(a.in) - PARAMETER_ORDER.indexOf(b.in),
        );
        this.checkPathParameters(method, path, parameters, at);
        const requestBody = this.requestBody(operation.requestBody, childPointer(at, "requestBody"));
        const { id, wanted } = this.ids.operation(operationId, method, path);
        const label = operationId === undefined ? `${method.toUpperCase()} ${path}` : `${method.toUpperCase()} ${path} (operationId ${operationId})`;
        // A repeated operationId is already an error; an id taken by a look-alike is this warning.
        if (id !== wanted && !repeated) this.checkIdTaken({ id, wanted, label, pointer: idPointer }, idOwners);
        idOwners.set(id, { label, line: this.doc.lineOf(idPointer) });
        operations.push({
          id,
          ...optional("operationId", operationId),
          method,
          path,
          ...optional("summary", text(operation.summary)),
          ...optional("description", text(operation.description)),
          tags: Array.isArray(operation.tags) ? operation.tags.map(String) : [],
          parameters,
          ...optional("requestBody", requestBody),
          responses: this.responses(operation.responses, childPointer(at, "responses")),
          security: this.requirements(operation.security) ?? security,
          deprecated: operation.deprecated === true,
          sourceLine: this.line(operation, at),
        });
      }
    }
    return operations;
  }

  /** Reports an operationId written twice; true when it was. */
  private checkUnique(operationId: string, firstUse: Map<string, number>, pointer: string): boolean {
    const line = this.doc.lineOf(pointer);
    const first = firstUse.get(operationId);
    if (first === undefined) {
      firstUse.set(operationId, line);
      return false;
    }
    this.diagnostics.push(
      specProblem(this.doc, pointer, {
        code: "openapi-invalid",
        message: `operationId "${operationId}" is already used at line ${first}`,
        hint: "Each operation needs its own operationId: guides link to operations by it.",
      }),
    );
    return true;
  }

  /**
   * Two different operationIds (`listThings`, `ListThings`), or an operationId and another operation's method and
   * path (`get-d-x`, `GET /d/{x}`), give one heading id: the later operation is numbered (`listthings-1`) and a
   * guide's link to `#listthings` opens the first. Valid OpenAPI, so a warning, at the later operation.
   */
  private checkIdTaken(
    taken: { id: string; wanted: string; label: string; pointer: string },
    idOwners: ReadonlyMap<string, { label: string; line: number }>,
  ): void {
    const operation = idOwners.get(taken.wanted);
    const schema = this.schemaNames.find((name) => this.schemaIds.get(name) === taken.wanted);
    const owner = operation?.label ?? (schema === undefined ? "another heading" : `the schema ${schema}`);
    this.diagnostics.push({
      ...specProblem(this.doc, taken.pointer, {
        code: "openapi-duplicate-id",
        message: `${taken.label} gets the id "${taken.id}", not "${taken.wanted}": ${owner}${operation ? ` (line ${operation.line})` : ""} has "${taken.wanted}"`,
        hint: `Links to #${taken.wanted} open ${owner}, and this operation is #${taken.id}. Give it an operationId of its own: ids are lower case, so operationIds must differ in more than case and punctuation.`,
      }),
      severity: "warning",
    });
  }

  /** Each `{placeholder}` of the path needs a path parameter: the reference has nothing to say about it otherwise. */
  private checkPathParameters(method: string, path: string, parameters: readonly Parameter[], pointer: string): void {
    for (const [placeholder, name] of path.matchAll(/\{([^}]+)\}/g)) {
      if (parameters.some((p) => p.in === "path" && p.name === name)) continue;
      this.diagnostics.push(
        specProblem(this.doc, pointer, {
          code: "openapi-invalid",
          message: `${method.toUpperCase()} ${path} has no path parameter for ${placeholder}`,
          hint: `Describe it under parameters, with name: ${name}, in: path and required: true.`,
        }),
      );
    }
  }

  private parameters(list: unknown, pointer: string): Parameter[] {
    if (!Array.isArray(list)) return [];
    return list.flatMap((written, index) => {
      const found = this.follow(written, childPointer(pointer, index));
      if (!found) return [];
      const p = found.value;
      const where = PARAMETER_ORDER.includes(String(p.in)) ? (p.in as Parameter["in"]) : undefined;
      if (!where || typeof p.name !== "string") return [];
      return [
        {
          in: where,
          name: p.name,
          required: p.required === true,
          ...optional("description", text(p.description)),
          deprecated: p.deprecated === true,
          schema: this.schemaOf(p),
          ...("example" in p ? { example: p.example } : {}),
          sourceLine: this.line(p, found.pointer),
        },
      ];
    });
  }

  /** The schema of a parameter or header: its own, or that of its only content type. */
  private schemaOf(holder: Raw): SchemaNode {
    if (holder.schema !== undefined) return this.reader.read(holder.schema);
    const first = isObject(holder.content) ? Object.values(holder.content).find(isObject) : undefined;
    return this.reader.read(first?.schema ?? {});
  }

  private requestBody(written: unknown, pointer: string): RequestBody | undefined {
    if (written === undefined) return undefined;
    const found = this.follow(written, pointer);
    if (!found) return undefined;
    const body = found.value;
    return {
      ...optional("description", text(body.description)),
      required: body.required === true,
      content: this.content(body.content, childPointer(found.pointer, "content")),
      sourceLine: this.line(body, found.pointer),
    };
  }

  private responses(written: unknown, pointer: string): Response[] {
    return Object.entries(isObject(written) ? written : {}).flatMap(([status, entry]) => {
      if (status.startsWith("x-")) return [];
      const found = this.follow(entry, childPointer(pointer, status));
      if (!found) return [];
      const response = found.value;
      return [
        {
          status,
          description: text(response.description) ?? "",
          headers: this.headers(response.headers, childPointer(found.pointer, "headers")),
          content: this.content(response.content, childPointer(found.pointer, "content")),
          sourceLine: this.line(response, found.pointer),
        },
      ];
    });
  }

  private headers(written: unknown, pointer: string): ResponseHeader[] {
    return Object.entries(isObject(written) ? written : {}).flatMap(([name, entry]) => {
      const found = this.follow(entry, childPointer(pointer, name));
      if (!found) return [];
      return [{ name, ...optional("description", text(found.value.description)), required: found.value.required === true, schema: this.schemaOf(found.value) }];
    });
  }

  private content(written: unknown, pointer: string): MediaType[] {
    return Object.entries(isObject(written) ? written : {}).flatMap(([contentType, entry]) => {
      if (!isObject(entry)) return [];
      return [
        {
          contentType,
          ...(entry.schema !== undefined ? { schema: this.reader.read(entry.schema) } : {}),
          examples: this.examples(entry, childPointer(pointer, contentType)),
          sourceLine: this.line(entry, childPointer(pointer, contentType)),
        },
      ];
    });
  }

  private examples(holder: Raw, pointer: string): Example[] {
    if ("example" in holder) return [{ value: holder.example }];
    return Object.entries(isObject(holder.examples) ? holder.examples : {}).flatMap(([name, entry]) => {
      const found = this.follow(entry, childPointer(childPointer(pointer, "examples"), name));
      // An example given only by `externalValue` would have to be fetched: it is not shown.
      if (!found || !("value" in found.value)) return [];
      const { summary, description, value } = found.value;
      return [{ name, ...optional("summary", text(summary)), ...optional("description", text(description)), value }];
    });
  }

  /** Operations under their first tag: declared tags first, in order, then the others as met, then the untagged. */
  private tags(operations: Operation[]): Tag[] {
    const declared = Array.isArray(this.view.tags) ? this.view.tags.filter(isObject) : [];
    const byName = new Map<string, Operation[]>();
    for (const tag of declared) if (typeof tag.name === "string") byName.set(tag.name, []);
    for (const operation of operations) {
      const name = operation.tags[0] ?? UNTAGGED;
      byName.set(name, [...(byName.get(name) ?? []), operation]);
    }
    // The untagged group goes last, unless the document declares a tag of that name.
    const untagged = operations.some((op) => op.tags.length === 0) && !declared.some((tag) => tag.name === UNTAGGED);
    const names = [...byName.keys()].filter((name) => !(untagged && name === UNTAGGED));
    if (untagged) names.push(UNTAGGED);
    return names
      .filter((name) => (byName.get(name) ?? []).length > 0)
      .map((name) => {
        const description = text(declared.find((tag) => tag.name === name)?.description);
        return {
          name,
          id: this.ids.tag(name),
          ...optional("description", description),
          untagged: untagged && name === UNTAGGED,
          operations: byName.get(name) ?? [],
        };
      });
  }
}

/** Every `description` of the document as written (Swagger 2.0's too, before its view is made), by its text. */
function descriptionLines(doc: SpecDocument): Record<string, number> {
  const lines: Record<string, number> = Object.create(null) as Record<string, number>;
  const visit = (value: unknown, pointer: string): void => {
    if (!isObject(value)) return;
    const description = value.description;
    if (typeof description === "string" && !(description in lines)) lines[description] = doc.lineOf(childPointer(pointer, "description"));
    for (const [key, child] of Object.entries(value)) visit(child, childPointer(pointer, key));
  };
  visit(doc.root, "");
  return lines;
}

function oauthFlow(flow: string, f: Raw): OAuthFlow {
  const scopes: Record<string, string> = {};
  for (const [scope, description] of Object.entries(isObject(f.scopes) ? f.scopes : {})) scopes[scope] = String(description ?? "");
  return {
    flow,
    ...optional("authorizationUrl", text(f.authorizationUrl)),
    ...optional("tokenUrl", text(f.tokenUrl)),
    ...optional("refreshUrl", text(f.refreshUrl)),
    scopes,
  };
}

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** `{ key: value }`, or nothing when the value is undefined (optional fields stay absent, not `undefined`). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
