// An element's API description becomes one model (src/openapi/model.ts), whatever its version, with each problem
// at its line. The fixture's deliberate mistakes and line numbers are listed in test/fixtures/openapi/README.md.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSpec, type LoadedSpec } from "../../../src/openapi/load-spec.ts";
import type { ApiReference, ObjectSchema, Operation, SchemaNode } from "../../../src/openapi/model.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/openapi");

let v3: LoadedSpec;
let v2: LoadedSpec;
beforeAll(async () => {
  [v3, v2] = await Promise.all([loadSpec(FIXTURES, "contacts.yaml", "acme-crm"), loadSpec(FIXTURES, "contacts-swagger2.json", "acme-crm")]);
});

function operations(reference: ApiReference | undefined): Operation[] {
  return (reference?.tags ?? []).flatMap((tag) => tag.operations);
}

function operation(reference: ApiReference | undefined, id: string): Operation {
  const found = operations(reference).find((op) => op.id === id);
  if (!found) throw new Error(`no operation ${id}`);
  return found;
}

function schema(reference: ApiReference | undefined, name: string): ObjectSchema {
  const found = reference?.schemas.find((s) => s.name === name)?.schema;
  if (found?.kind !== "object") throw new Error(`no object schema ${name}`);
  return found;
}

/** A property's schema, by name. */
function property(node: SchemaNode, name: string): SchemaNode {
  if (node.kind !== "object") throw new Error(`${node.kind} has no properties`);
  const found = node.properties.find((p) => p.name === name);
  if (!found) throw new Error(`no property ${name}`);
  return found.schema;
}

describe("an OpenAPI 3.0 document", () => {
  it("reports each mistake once, at its line, and still gives the whole reference", () => {
    expect(v3.diagnostics.map((d) => [d.line, d.code, d.message, d.hint])).toEqual([
      [103, "openapi-invalid", 'paths › /ping › get › responses › 200: the required field "description" is missing', expect.any(String)],
      [104, "openapi-invalid", 'paths › /ping › get › responses › 200 › descripton: "descripton" is not allowed here', expect.any(String)],
      [
        156,
        "openapi-ref",
        '$ref "#/components/schemas/Activty" points at nothing: "components/schemas" has no "Activty"',
        'Did you mean "Activity"?',
      ],
    ]);
    expect(v3.diagnostics.every((d) => d.file === "contacts.yaml" && d.severity === "error")).toBe(true);
    expect(operations(v3.reference)).toHaveLength(6);
  });

  it("reads the API's title, servers, security schemes and default requirement", () => {
    const r = v3.reference as ApiReference;
    expect([r.element, r.file, r.specVersion, r.title, r.version, r.description]).toEqual([
      "acme-crm",
      "contacts.yaml",
      "3.0.3",
      "Acme Contacts",
      "2.1.0",
      "People and companies in the **Acme CRM** hub.",
    ]);
    expect(r.servers).toEqual([{ url: "https://api.acme.example/v2", description: "Production" }]);
    expect(r.securitySchemes).toEqual([
      { key: "apiKey", type: "apiKey", in: "header", name: "X-API-Key", sourceLine: 119 },
      {
        key: "oauth",
        type: "oauth2",
        flows: [{ flow: "clientCredentials", tokenUrl: "https://auth.acme.example/token", scopes: { "companies:read": "Read companies." } }],
        sourceLine: 123,
      },
    ]);
    expect(r.security).toEqual([{ schemes: [{ key: "apiKey", scopes: [] }] }]);
  });

  it("groups operations by tag: declared tags in order, the untagged last, each with a stable id", () => {
    expect(v3.reference?.tags.map((tag) => [tag.id, tag.name, tag.description, tag.untagged, tag.operations.map((op) => op.id)])).toEqual([
      ["tag-contacts", "Contacts", "People you work with.", false, ["listcontacts", "createcontact", "get-contacts-contactid", "deletecontact"]],
      ["tag-companies", "Companies", undefined, false, ["getcompanytree"]],
      ["tag-default", "default", undefined, true, ["get-ping"]],
    ]);
  });

  it("gives each operation its method, path, texts, line and the security that applies", () => {
    const list = operation(v3.reference, "listcontacts");
    expect([list.method, list.path, list.operationId, list.summary, list.description, list.sourceLine, list.deprecated]).toEqual([
      "get",
      "/contacts",
      "listContacts",
      "List contacts",
      "Returns contacts, **newest first**.",
      17,
      false,
    ]);
    expect(list.security).toEqual([{ schemes: [{ key: "apiKey", scopes: [] }] }]);
    expect(operation(v3.reference, "getcompanytree").security).toEqual([{ schemes: [{ key: "oauth", scopes: ["companies:read"] }] }]);
    expect(operation(v3.reference, "deletecontact").deprecated).toBe(true);
    expect(operations(v3.reference).map((op) => op.sourceLine)).toEqual([17, 39, 66, 77, 85, 101]);
  });

  it("lists parameters from the path and the operation, by $ref too, path first", () => {
    expect(operation(v3.reference, "listcontacts").parameters.map((p) => [p.in, p.name, p.required, p.schema.kind, p.schema.format, p.sourceLine])).toEqual([
      ["query", "limit", false, "integer", undefined, 23],
      ["header", "X-Request-Id", false, "string", "uuid", 27],
    ]);
    const limit = operation(v3.reference, "listcontacts").parameters[0];
    expect([limit.description, limit.schema.minimum, limit.schema.maximum, limit.schema.default]).toEqual(["How many to return.", 1, 200, 50]);
    expect(operation(v3.reference, "deletecontact").parameters.map((p) => [p.in, p.name, p.required, p.sourceLine])).toEqual([["path", "contactId", true, 62]]);
    expect(operation(v3.reference, "getcompanytree").parameters.map((p) => [p.name, p.schema.kind, p.schema.format, p.sourceLine])).toEqual([
      ["companyId", "integer", "int64", 107],
    ]);
  });

  it("reads the request body and every response with its content types, schemas and examples", () => {
    const create = operation(v3.reference, "createcontact");
    expect(create.requestBody?.required).toBe(true);
    expect(create.requestBody?.content.map((c) => [c.contentType, c.schema?.name, c.examples])).toEqual([
      ["application/json", "NewContact", [{ value: { name: "Ada Lovelace", email: "ada@example.com" } }]],
    ]);
    expect(create.responses.map((r) => [r.status, r.description, r.content.map((c) => c.schema?.schemaId), r.sourceLine])).toEqual([
      ["201", "Created.", ["schema-contact"], 50],
      ["400", "The contact is not valid.", ["schema-error"], 55],
    ]);
    const list = operation(v3.reference, "listcontacts");
    // A response by $ref is the component's, at the component's line.
    expect(list.responses.map((r) => [r.status, r.description, r.sourceLine])).toEqual([
      ["200", "The contacts.", 31],
      ["401", "The API key is missing or wrong.", 113],
    ]);
    const items = list.responses[0].content[0].schema;
    expect(items?.kind === "array" && items.items.name).toBe("Contact");
    expect(operation(v3.reference, "deletecontact").responses).toEqual([{ status: "204", description: "Deleted.", headers: [], content: [], sourceLine: 82 }]);
  });

  it("gives named schemas stable ids and lines, in the document's order", () => {
    expect(v3.reference?.schemas.map((s) => [s.schemaId, s.name, s.sourceLine])).toEqual([
      ["schema-newcontact", "NewContact", 131],
      ["schema-contact", "Contact", 147],
      ["schema-company", "Company", 157],
      ["schema-activity", "Activity", 167],
      ["schema-error", "Error", 172],
    ]);
  });

  it("merges allOf into one object: properties in order, required from every part", () => {
    const contact = schema(v3.reference, "Contact");
    expect(contact.properties.map((p) => [p.name, p.required, p.schema.kind])).toEqual([
      ["name", true, "string"],
      ["email", true, "string"],
      ["phone", false, "string"],
      ["tags", false, "array"],
      ["address", false, "object"],
      ["website", false, "string"],
      ["score", false, "number"],
      ["id", true, "string"],
      ["created", true, "string"],
      ["status", false, "string"],
      // The broken $ref: shown as "any", reported above.
      ["lastActivity", false, "any"],
    ]);
    expect(contact.additionalProperties).toBe(false);
    expect(property(contact, "id").readOnly).toBe(true);
    expect(property(contact, "status").enum).toEqual(["active", "archived"]);
    expect(property(contact, "phone").nullable).toBe(true);
    expect([property(contact, "email").format, property(contact, "created").format, property(contact, "website").format]).toEqual(["email", "date-time", "uri"]);
    const country = property(property(contact, "address"), "country");
    expect([country.minLength, country.maxLength]).toEqual([2, 2]);
  });

  it("cuts a recursive schema at its second visit: a link to its component", () => {
    const company = schema(v3.reference, "Company");
    expect(property(company, "parent")).toMatchObject({ kind: "ref", name: "Company", schemaId: "schema-company" });
    const subsidiaries = property(company, "subsidiaries");
    expect(subsidiaries.kind === "array" && subsidiaries.items).toMatchObject({ kind: "ref", name: "Company", schemaId: "schema-company" });
    // Where an operation uses it, it is expanded once, then cut the same way.
    const body = operation(v3.reference, "getcompanytree").responses[0].content[0];
    expect(body.schema).toMatchObject({ kind: "object", name: "Company" });
    expect(body.schema && property(body.schema, "parent")).toMatchObject({ kind: "ref", schemaId: "schema-company" });
    expect(body.examples).toEqual([{ value: { id: 7, name: "Acme" } }]);
  });

  it("is plain data: it survives a JSON round trip unchanged", () => {
    expect(JSON.parse(JSON.stringify(v3.reference))).toEqual(v3.reference);
  });
});

describe("the same API in Swagger 2.0", () => {
  /**
   * The model without what differs by nature between the two files: lines, file name, version, server text, and
   * the request body's example (Swagger 2.0 has no place for one).
   */
  function comparable(reference: ApiReference | undefined): unknown {
    const copy = JSON.parse(JSON.stringify({ ...reference, file: "", specVersion: "" }, (key, value) => (key === "sourceLine" || key === "descriptionLines" ? undefined : value)));
    copy.servers = copy.servers.map((server: { url: string }) => server.url);
    for (const op of operations(copy)) for (const media of op.requestBody?.content ?? []) media.examples = [];
    return copy;
  }

  it("comes out as the same model as OpenAPI 3.0", () => {
    expect(comparable(v2.reference)).toEqual(comparable(v3.reference));
  });

  it("reports its mistakes at their lines in the JSON file", () => {
    expect(v2.diagnostics.map((d) => [d.file, d.line, d.code])).toEqual([
      ["contacts-swagger2.json", 184, "openapi-invalid"],
      ["contacts-swagger2.json", 185, "openapi-invalid"],
      ["contacts-swagger2.json", 304, "openapi-ref"],
    ]);
    expect(v2.diagnostics[2].message).toBe('$ref "#/definitions/Activty" points at nothing: "definitions" has no "Activty"');
  });

  it("places what it moved where it is written: the body parameter, parameters, definitions, security definitions", () => {
    const r = v2.reference;
    expect(operation(r, "createcontact").requestBody?.sourceLine).toBe(81);
    expect(operation(r, "listcontacts").parameters.map((p) => p.sourceLine)).toEqual([43, 52]);
    expect(operation(r, "deletecontact").parameters.map((p) => p.sourceLine)).toEqual([108]);
    expect(operation(r, "getcompanytree").parameters.map((p) => p.sourceLine)).toEqual([192]);
    expect(r?.schemas.find((s) => s.name === "Company")?.sourceLine).toBe(310);
    expect(r?.securitySchemes.map((s) => s.sourceLine)).toEqual([209, 214]);
    expect(r?.servers).toEqual([{ url: "https://api.acme.example/v2" }]);
  });
});
