// A guide's JSON example checked against the reference's schema: each problem at its JSON pointer, in words.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { exampleValue } from "../../../src/openapi/example-value.ts";
import { loadSpec } from "../../../src/openapi/load-spec.ts";
import type { ApiReference, SchemaNode } from "../../../src/openapi/model.ts";
import { validateExample } from "../../../src/openapi/validate-example.ts";

let reference: ApiReference;
beforeAll(async () => {
  reference = (await loadSpec(path.resolve(import.meta.dirname, "../../fixtures/openapi"), "contacts.yaml", "acme")).reference as ApiReference;
});

const named = (name: string) => reference.schemas.find((s) => s.name === name)?.schema as SchemaNode;
const check = (value: unknown, name: string) => validateExample(value, named(name), reference.schemas);
const contact = { id: "3fa85f64-5717-4562-b3fc-2c963f66afa6", created: "2024-01-15T09:30:00Z", name: "Ada", email: "ada@example.com" };

describe("validateExample", () => {
  it("accepts an example that fits, null where the schema allows it included", () => {
    expect(check({ ...contact, phone: null, tags: ["vip"], status: "active" }, "Contact")).toEqual([]);
  });

  it("accepts every generated example", () => {
    for (const { name, schema } of reference.schemas) expect(validateExample(exampleValue(schema), schema, reference.schemas), name).toEqual([]);
  });

  it("names a missing required field", () => {
    const { email: _email, ...rest } = contact;
    expect(check(rest, "Contact")).toEqual([{ path: "/email", keyword: "required", message: 'Missing required field "email"' }]);
    expect(check({ ...contact, address: {} }, "Contact")).toEqual([]);
  });

  it("names a wrong type, saying what it is", () => {
    expect(check({ ...contact, tags: "vip", score: "high" }, "Contact")).toEqual([
      { path: "/tags", keyword: "type", message: 'Field "tags" should be an array, not a string' },
      { path: "/score", keyword: "type", message: 'Field "score" should be a number, not a string' },
    ]);
    expect(check([contact], "Contact")).toEqual([{ path: "", keyword: "type", message: "The example should be an object, not an array" }]);
  });

  it("names a field the schema does not allow (additionalProperties: false)", () => {
    expect(check({ ...contact, nickname: "Ada" }, "Contact")).toEqual([
      { path: "/nickname", keyword: "additionalProperties", message: 'Unknown field "nickname": the schema allows no other fields here' },
    ]);
  });

  it("names a value outside the enum, and malformed formats", () => {
    // In the order of the schema's properties.
    expect(check({ ...contact, status: "deleted", email: "ada", created: "yesterday", id: "42", website: "not a uri" }, "Contact")).toEqual([
      { path: "/email", keyword: "format", message: 'Field "email" should be a valid email, not "ada"' },
      { path: "/website", keyword: "format", message: 'Field "website" should be a valid uri, not "not a uri"' },
      { path: "/id", keyword: "format", message: 'Field "id" should be a valid uuid, not "42"' },
      { path: "/created", keyword: "format", message: 'Field "created" should be a valid date-time, not "yesterday"' },
      { path: "/status", keyword: "enum", message: 'Field "status" is "deleted", but must be one of "active", "archived"' },
    ]);
  });

  it("checks bounds and lengths", () => {
    expect(check({ ...contact, score: 2, address: { country: "France" } }, "Contact").map((p) => [p.path, p.keyword, p.message])).toEqual([
      ["/address/country", "maxLength", 'Field "country" must NOT have more than 2 characters'],
      ["/score", "maximum", 'Field "score" must be <= 1'],
    ]);
  });

  it("follows a recursive schema all the way down, with paths into nested items", () => {
    const company = { id: 1, name: "Acme", subsidiaries: [{ id: 2, name: "Acme EU", parent: { id: 1 } }, { id: "3", name: "Acme US" }] };
    expect(check(company, "Company")).toEqual([
      { path: "/subsidiaries/0/parent/name", keyword: "required", message: 'Missing required field "name" in field "parent"' },
      { path: "/subsidiaries/1/id", keyword: "type", message: 'Field "id" should be an integer, not a string' },
    ]);
  });
});
