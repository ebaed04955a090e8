// Generated examples: the schema's own values first, then values made from type and format, always the same ones.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { exampleValue } from "../../../src/openapi/example-value.ts";
import { loadSpec } from "../../../src/openapi/load-spec.ts";
import type { ApiReference, SchemaNode } from "../../../src/openapi/model.ts";

let reference: ApiReference;
beforeAll(async () => {
  reference = (await loadSpec(path.resolve(import.meta.dirname, "../../fixtures/openapi"), "contacts.yaml", "acme")).reference as ApiReference;
});

const base = { nullable: false, deprecated: false, readOnly: false, writeOnly: false };
const string = (extra: Partial<SchemaNode> = {}): SchemaNode => ({ ...base, kind: "string", ...extra }) as SchemaNode;
const named = (name: string) => reference.schemas.find((s) => s.name === name)?.schema as SchemaNode;

describe("exampleValue", () => {
  it("takes the schema's example, else its default, else its first enum value", () => {
    expect(exampleValue(string({ example: "Rex", default: "x", enum: ["a"] }))).toBe("Rex");
    expect(exampleValue(string({ default: "x", enum: ["a"] }))).toBe("x");
    expect(exampleValue(string({ enum: ["active", "archived"] }))).toBe("active");
  });

  it("makes strings by format", () => {
    const byFormat = Object.fromEntries(["date-time", "date", "email", "uri", "uuid", "phone"].map((format) => [format, exampleValue(string({ format }))]));
    expect(byFormat).toEqual({
      "date-time": "2024-01-15T09:30:00Z",
      date: "2024-01-15",
      email: "user@example.com",
      uri: "https://example.com",
      uuid: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
      phone: "string",
    });
    expect(exampleValue(string({ minLength: 2, maxLength: 2 }))).toBe("st");
    expect(exampleValue(string({ minLength: 10 }))).toBe("stringxxxx");
  });

  it("keeps numbers within their bounds", () => {
    const number = (kind: "integer" | "number", extra: Partial<SchemaNode>) => exampleValue({ ...base, kind, ...extra } as SchemaNode);
    expect(number("integer", {})).toBe(1);
    expect(number("integer", { minimum: 10, maximum: 20 })).toBe(10);
    expect(number("integer", { minimum: 10, exclusiveMinimum: true })).toBe(11);
    expect(number("integer", { maximum: 0, exclusiveMaximum: true })).toBe(-1);
    expect(number("number", { minimum: 0, maximum: 1 })).toBe(1);
    expect(number("number", { minimum: 0, maximum: 0.25 })).toBe(0.25);
  });

  it("fills an object with its required properties and a few optional ones, and arrays with one item", () => {
    expect(exampleValue(named("Contact"))).toEqual({
      name: "Ada Lovelace",
      email: "user@example.com",
      phone: "string",
      tags: ["string"],
      address: { city: "string", country: "st" },
      id: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
      created: "2024-01-15T09:30:00Z",
    });
  });

  it("leaves read-only fields out of a request", () => {
    expect(exampleValue(named("Contact"), "request")).not.toHaveProperty("id");
  });

  it("stops at a recursive schema: optional links left out, lists of it empty", () => {
    expect(exampleValue(named("Company"))).toEqual({ id: 1, name: "string", subsidiaries: [] });
  });

  it("gives the same value every time", () => {
    expect(JSON.stringify(exampleValue(named("Contact")))).toBe(JSON.stringify(exampleValue(named("Contact"))));
  });
});
