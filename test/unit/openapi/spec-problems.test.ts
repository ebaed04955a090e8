// Mistakes in an API description are errors at the line to fix, in words, and the rest of the reference is built.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../../src/openapi/load-spec.ts";
import { writeFiles } from "../../support/fixture-tree.ts";

const FILE = "docs/elements/pets/openapi.yaml";

/** Loads a document written into a fresh tree; `lines` are joined with newlines, so line N is lines[N - 1]. */
async function load(lines: string[], file = FILE) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "element-guides-openapi-"));
  writeFiles(dir, { [file]: lines.join("\n") + "\n" });
  return loadSpec(dir, file, "pets");
}

function problems(loaded: Awaited<ReturnType<typeof load>>) {
  return loaded.diagnostics.map((d) => `${d.line} ${d.code}: ${d.message}`);
}

const HEAD = ["openapi: 3.0.3", "info:", "  title: Pets", "  version: '1'"];

describe("a document that cannot be read", () => {
  it("is a syntax error at the line of a YAML mistake, and gives no reference", async () => {
    const loaded = await load([...HEAD, "paths:", "  /pets:", "    get: [unclosed", "  /other: {}"]);
    expect(loaded.reference).toBeUndefined();
    expect(loaded.diagnostics).toEqual([
      expect.objectContaining({ file: FILE, line: 8, code: "openapi-syntax", severity: "error", message: expect.stringMatching(/^Invalid YAML: /) }),
    ]);
  });

  it("names the JSON mistake at its line", async () => {
    const loaded = await load(['{', '  "openapi": "3.0.3",', '  "info": { "title": "Pets", "version": "1" },', '  "paths": {},', "}"], "docs/elements/pets/openapi.json");
    expect(problems(loaded)).toEqual(['4 openapi-syntax: Invalid JSON: Trailing comma before "}": JSON allows no comma after the last item']);
  });

  it("says an unquoted version is read as a number, at its line, with the quoted form", async () => {
    const loaded = await load(["info: { title: Pets, version: '1' }", "swagger: 2.0", "paths: {}"]);
    expect(loaded.reference).toBeUndefined();
    expect(loaded.diagnostics).toEqual([
      expect.objectContaining({ line: 2, code: "openapi-invalid", message: "swagger: 2 is read as a number; the version is text", hint: 'Quote it: swagger: "2.0".' }),
    ]);
  });

  it("is not an OpenAPI document without a version", async () => {
    const loaded = await load(["info:", "  title: Pets", "paths: {}"]);
    expect(loaded.reference).toBeUndefined();
    expect(problems(loaded)).toEqual(["1 openapi-invalid: This is not an OpenAPI document: it has no openapi: (or swagger:) version"]);
    expect(problems(await load(["openapi: 4.0.0", "paths: {}"]))).toEqual(['1 openapi-invalid: OpenAPI version "4.0.0" is not one Element Guides reads']);
  });
});

describe("a document that breaks the specification", () => {
  const lines = [
    ...HEAD,
    "paths:", //                          5
    "  /pets/{id}:",
    "    get:",
    "      operationId: getPet",
    "      parameters:",
    "        - name: id", //             10
    "          in: path",
    "          schema: { type: string }",
    "      responses:",
    "        '200':",
    "          description: OK", //      15
    "          content:",
    "            application/json:",
    "              schema: { $ref: '#/components/schemas/Pet' }",
    "    post:",
    "      operationId: getPet", //      20
    "      responses:",
    "        '200': { description: OK }",
    "components:",
    "  schemas:",
    "    Pet:", //                       25
    "      type: objekt",
    "      properties:",
    "        name: { type: string }",
    "        owner: { $ref: 'people.yaml#/Person' }",
  ];

  it("reports each problem once, where it is written, in words", async () => {
    const loaded = await load(lines);
    expect(problems(loaded)).toEqual([
      // A path parameter must say required: the alternatives for query, header and cookie are not listed.
      '10 openapi-invalid: paths › /pets/{id} › get › parameters › 0: the required field "required" is missing',
      "19 openapi-invalid: POST /pets/{id} has no path parameter for {id}",
      '20 openapi-invalid: operationId "getPet" is already used at line 8',
      // Used by an operation, reported once, at the schema itself.
      '26 openapi-invalid: components › schemas › Pet › type: must be one of "array", "boolean", "integer", "number", "object", "string"',
      '29 openapi-ref: $ref "people.yaml#/Person" points outside this file; the reference is built from this file alone',
    ]);
    expect(loaded.diagnostics.find((d) => d.code === "openapi-ref")?.hint).toContain("#/components/");
  });

  it("still gives the operations, with unique ids for the repeated operationId", async () => {
    const loaded = await load(lines);
    const ops = loaded.reference?.tags.flatMap((tag) => tag.operations) ?? [];
    expect(ops.map((op) => [op.id, op.method, op.sourceLine])).toEqual([
      ["getpet", "get", 7],
      ["getpet-1", "post", 19],
    ]);
  });

  it("warns where two different operations get one id, naming both and the id each got", async () => {
    const loaded = await load([
      ...HEAD,
      "paths:", //                        5
      "  /a:",
      "    get:",
      "      operationId: listThings",
      "      responses: { '200': { description: OK } }",
      "  /c:", //                         10
      "    get:",
      "      operationId: ListThings",
      "      responses: { '200': { description: OK } }",
      "  /d/{x}:",
      "    parameters: [{ name: x, in: path, required: true, schema: { type: string } }]", // 15
      "    get:",
      "      responses: { '200': { description: OK } }",
      "    put:",
      "      operationId: get-d-x",
      "      responses: { '200': { description: OK } }", // 20
    ]);
    expect(loaded.diagnostics.map((d) => [d.line, d.severity, d.code, d.message])).toEqual([
      [12, "warning", "openapi-duplicate-id", 'GET /c (operationId ListThings) gets the id "listthings-1", not "listthings": GET /a (operationId listThings) (line 8) has "listthings"'],
      [19, "warning", "openapi-duplicate-id", 'PUT /d/{x} (operationId get-d-x) gets the id "get-d-x-1", not "get-d-x": GET /d/{x} (line 16) has "get-d-x"'],
    ]);
    expect(loaded.diagnostics[0].hint).toContain("Links to #listthings open GET /a (operationId listThings), and this operation is #listthings-1.");
    const ops = loaded.reference?.tags.flatMap((tag) => tag.operations) ?? [];
    expect(ops.map((op) => op.id)).toEqual(["listthings", "listthings-1", "get-d-x", "get-d-x-1"]);
  });

  it("reports a rule the schema cannot state (a path placeholder without its parameter) at the operation", async () => {
    const loaded = await load([...HEAD, "paths:", "  /pets/{id}:", "    get:", "      responses:", "        '200': { description: OK }"]);
    expect(problems(loaded)).toEqual(["7 openapi-invalid: GET /pets/{id} has no path parameter for {id}"]);
  });

  it("reports Swagger 2.0's own rules (a body and form parameters together) at the operation", async () => {
    const loaded = await load([
      'swagger: "2.0"',
      "info: { title: Pets, version: '1' }",
      "paths:",
      "  /pets:",
      "    post:",
      "      parameters:",
      "        - { name: pet, in: body, schema: { type: object } }",
      "        - { name: note, in: formData, type: string }",
      "      responses:",
      "        '200': { description: OK }",
    ]);
    expect(problems(loaded)).toEqual(["5 openapi-invalid: POST /pets has body parameters and formData parameters. Only one or the other is allowed."]);
  });

  it("reports references that only lead to each other at the first of them, once a loop, and not a schema that nests itself", async () => {
    const loaded = await load([
      ...HEAD,
      "paths:",
      "  /pets:",
      "    get:",
      "      parameters:",
      "        - $ref: '#/components/parameters/P1'",
      "      responses:",
      "        '200':",
      "          description: OK",
      "          content:",
      "            application/json:",
      "              schema: { $ref: '#/components/schemas/Node' }",
      "components:",
      "  parameters:",
      "    P1: { $ref: '#/components/parameters/P2' }",
      "    P2: { $ref: '#/components/parameters/P1' }",
      "  schemas:",
      "    Node:",
      "      type: object",
      "      properties:",
      "        children: { type: array, items: { $ref: '#/components/schemas/Node' } }",
      "    Self: { $ref: '#/components/schemas/Self' }",
    ]);
    const loops = problems(loaded).filter((problem) => problem.includes("loop"));
    expect(loops).toEqual([
      '9 openapi-ref: $ref "#/components/parameters/P1" never reaches a definition: "#/components/parameters/P1" → "#/components/parameters/P2" → "#/components/parameters/P1" lead round in a loop',
      '25 openapi-ref: $ref "#/components/schemas/Self" never reaches a definition: "#/components/schemas/Self" → "#/components/schemas/Self" lead round in a loop',
    ]);
  });
});

describe("OpenAPI 3.1", () => {
  it("validates and reads a type list with null as a nullable value", async () => {
    const loaded = await load([
      "openapi: 3.1.0",
      "info: { title: Pets, version: '1' }",
      "paths:",
      "  /pets:",
      "    get:",
      "      responses:",
      "        '200':",
      "          description: OK",
      "          content:",
      "            application/json:",
      "              schema:",
      "                type: object",
      "                properties:",
      "                  nickname: { type: [string, 'null'], examples: [Rex] }",
      "                  age: { type: integer, exclusiveMinimum: 0 }",
    ]);
    expect(loaded.diagnostics).toEqual([]);
    const body = loaded.reference?.tags[0].operations[0].responses[0].content[0].schema;
    expect(body?.kind === "object" && body.properties.map((p) => [p.name, p.schema.kind, p.schema.nullable, p.schema.example, p.schema.minimum, p.schema.exclusiveMinimum])).toEqual([
      ["nickname", "string", true, "Rex", undefined, undefined],
      ["age", "integer", false, undefined, 0, true],
    ]);
  });

  it("reads a later 3.x as 3.1, and says it is not validated", async () => {
    const loaded = await load(["openapi: 3.2.0", "info: { title: Pets, version: '1' }", "paths: {}"]);
    expect(problems(loaded)).toEqual(["1 openapi-invalid: OpenAPI 3.2.0 is read as 3.1 and not validated"]);
    expect(loaded.reference?.title).toBe("Pets");
  });
});
