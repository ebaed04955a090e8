/**
 * The API reference of one element, read from its OpenAPI document: what the reference pages, the operation tag and
 * the check of guide examples work from. OpenAPI 3.0, 3.1 and Swagger 2.0 all come out in this one shape.
 *
 * Every value is plain data (no functions, no cycles): a reference can be cloned, cached or sent to a worker.
 * Text fields (`description`, `summary`) are the Markdown as written; rendering it is the page's job.
 * `sourceLine` is the 1-based line in `ApiReference.file` where the thing is written, for diagnostics.
 */
export interface ApiReference {
  /** The element folder, `docs/elements/<element>/`. */
  element: string;
  /** The document, relative to the source root: `docs/elements/acme-crm/openapi.yaml`. */
  file: string;
  /** The version the document declares, as written: `3.0.3`, `3.1.0`, `2.0`. */
  specVersion: string;
  /** `info.title`, `info.version` and `info.description`. */
  title: string;
  version: string;
  description?: string;
  /** Where the API is served. Swagger 2.0's `schemes`, `host` and `basePath` become one server per scheme. */
  servers: Server[];
  /** `components.securitySchemes` (Swagger 2.0: `securityDefinitions`), in the document's order. */
  securitySchemes: SecurityScheme[];
  /** The requirement operations inherit when they state none; empty when the API names none. */
  security: SecurityRequirement[];
  /**
   * The operations, grouped by tag: the tags declared at the top in their order, then tags first used by an
   * operation, then the untagged operations (see `Tag.untagged`). An operation is listed under its first tag only,
   * so that each appears once and its id is unique. Tags without operations are left out.
   */
  tags: Tag[];
  /** The named schemas (`components.schemas`, Swagger 2.0: `definitions`), in the document's order. */
  schemas: SchemaComponent[];
  /**
   * The line of each description's `description:` key, by its text (the first place, for a text written twice):
   * a link or image in a description that leads nowhere is reported there.
   */
  descriptionLines: Record<string, number>;
}

export interface Server {
  url: string;
  description?: string;
}

export interface SecurityScheme {
  /** The scheme's name in the document, as requirements refer to it. */
  key: string;
  /** `http` (basic, bearer…), `apiKey`, `oauth2`, `openIdConnect` or `mutualTLS`; Swagger 2.0's `basic` is `http`. */
  type: string;
  description?: string;
  /** For `http`: `basic`, `bearer`… */
  scheme?: string;
  bearerFormat?: string;
  /** For `apiKey`: where the key goes and under which name. */
  in?: "query" | "header" | "cookie";
  name?: string;
  /** For `oauth2`: each flow by name (`authorizationCode`, `clientCredentials`…). */
  flows?: OAuthFlow[];
  openIdConnectUrl?: string;
  sourceLine: number;
}

export interface OAuthFlow {
  flow: string;
  authorizationUrl?: string;
  tokenUrl?: string;
  refreshUrl?: string;
  /** Scope name → what it grants. */
  scopes: Record<string, string>;
}

/** One way to be authorized: every scheme listed, together. A list of these means any one of them. */
export interface SecurityRequirement {
  schemes: { key: string; scopes: string[] }[];
}

export interface Tag {
  name: string;
  /** Stable heading id, `tag-` and the slug of the name (`tag-contacts`), unique within the element. */
  id: string;
  description?: string;
  /** True for the group of operations that have no tag (named `default`, as Swagger UI does). */
  untagged: boolean;
  operations: Operation[];
}

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

export interface Operation {
  /**
   * Stable heading id, unique within the element: the slug of the `operationId` (`listContacts` → `listcontacts`),
   * or of the method and path when there is none (`GET /contacts/{id}` → `get-contacts-id`). Slugs follow
   * GitHub's rule; a repeat gets `-1`, `-2`.
   */
  id: string;
  /** The `operationId` as written, if any. */
  operationId?: string;
  method: HttpMethod;
  /** The path as written, with its `{placeholders}`: `/contacts/{id}`. */
  path: string;
  summary?: string;
  description?: string;
  /** Every tag the operation lists (it is shown under the first). */
  tags: string[];
  /** Path-level and operation-level parameters together (the operation's win), path first, then query, header, cookie. */
  parameters: Parameter[];
  requestBody?: RequestBody;
  /** In the document's order. */
  responses: Response[];
  /**
   * The requirements that apply: the operation's own, or the API's when it states none. Empty: no authorization.
   */
  security: SecurityRequirement[];
  deprecated: boolean;
  sourceLine: number;
}

export interface Parameter {
  in: "path" | "query" | "header" | "cookie";
  name: string;
  required: boolean;
  description?: string;
  deprecated: boolean;
  schema: SchemaNode;
  /** The parameter's own example, if it gives one. */
  example?: unknown;
  sourceLine: number;
}

export interface RequestBody {
  description?: string;
  required: boolean;
  /** One entry per content type, in the document's order. */
  content: MediaType[];
  sourceLine: number;
}

export interface Response {
  /** The status code as written (`200`, `4XX`) or `default`. */
  status: string;
  description: string;
  headers: ResponseHeader[];
  /** One entry per content type; empty for a response without a body. */
  content: MediaType[];
  sourceLine: number;
}

export interface ResponseHeader {
  name: string;
  description?: string;
  required: boolean;
  schema: SchemaNode;
}

export interface MediaType {
  /** `application/json`, `multipart/form-data`… */
  contentType: string;
  /** Absent when the document gives no schema for this content type. */
  schema?: SchemaNode;
  /** The examples the document gives (`example`, or each of `examples`); empty when it gives none. */
  examples: Example[];
  sourceLine: number;
}

export interface Example {
  /** The key under `examples`; absent for a single `example`. */
  name?: string;
  summary?: string;
  description?: string;
  value: unknown;
}

/** A named schema, shown in the reference's schema section and linked from where it is used. */
export interface SchemaComponent {
  name: string;
  /** Stable heading id: `schema-` and the slug of the name (`schema-contact`), unique within the element. */
  schemaId: string;
  schema: SchemaNode;
  sourceLine: number;
}

/**
 * A schema as a tree ready for a table: `$ref`s are replaced by what they point at and `allOf` is merged into one
 * node. A schema that contains itself is expanded once: where it appears again inside itself, it is a `ref` node
 * naming its component (so `Node.children[]` shows as "array of Node", with a link).
 */
export type SchemaNode = ObjectSchema | ArraySchema | ScalarSchema | ChoiceSchema | RefSchema | AnySchema;

/** What every kind of schema node may say. */
export interface SchemaBase {
  /** Set when the node is a named component, expanded here: its name and heading id. */
  name?: string;
  schemaId?: string;
  title?: string;
  description?: string;
  /** The value may also be `null` (3.0 `nullable: true`, 3.1 `type: [..., "null"]`, Swagger `x-nullable`). */
  nullable: boolean;
  deprecated: boolean;
  readOnly: boolean;
  writeOnly: boolean;
  /** `date-time`, `email`, `uuid`, `int64`… as written. */
  format?: string;
  enum?: unknown[];
  default?: unknown;
  /** The schema's `example` (or the first of 3.1's `examples`). */
  example?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
}

export interface ObjectSchema extends SchemaBase {
  kind: "object";
  /** In the document's order. */
  properties: SchemaProperty[];
  /** false: no other property is allowed; a schema: what other properties hold (a map); true: anything. */
  additionalProperties: boolean | SchemaNode;
}

export interface SchemaProperty {
  name: string;
  required: boolean;
  schema: SchemaNode;
}

export interface ArraySchema extends SchemaBase {
  kind: "array";
  items: SchemaNode;
}

export interface ScalarSchema extends SchemaBase {
  kind: "string" | "number" | "integer" | "boolean" | "null";
}

/** One of several shapes: `oneOf` (exactly one), `anyOf` (at least one), or several types (`type: [string, integer]`). */
export interface ChoiceSchema extends SchemaBase {
  kind: "oneOf" | "anyOf";
  options: SchemaNode[];
  /** The property whose value tells the options apart, if the document names one. */
  discriminator?: string;
}

/** A schema met again inside itself: shown as a link to its component instead of being expanded forever. */
export interface RefSchema extends SchemaBase {
  kind: "ref";
  name: string;
  schemaId: string;
}

/** A schema that says nothing about the value (no type), or that could not be read (a broken `$ref`). */
export interface AnySchema extends SchemaBase {
  kind: "any";
}

/** The kinds of node that hold a single value of one JSON type. */
export const SCALAR_KINDS: ReadonlySet<SchemaNode["kind"]> = new Set(["string", "number", "integer", "boolean", "null"]);
