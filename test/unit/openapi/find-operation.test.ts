// How guides name operations: by method and path (the document's template or a concrete request path) or operationId.
import type { ApiReference, HttpMethod, Operation } from "../../../src/openapi/model.ts";
import { describe, expect, it } from "vitest";
import { findOperation, nearestOperationsHint, readOperationName } from "../../../src/openapi/find-operation.ts";

function operation(method: HttpMethod, path: string, operationId?: string): Operation {
  const id = (operationId ?? `${method}-${path}`).toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return { id, method, path, ...(operationId ? { operationId } : {}), tags: [], parameters: [], responses: [], security: [], deprecated: false, sourceLine: 1 };
}

const reference: ApiReference = {
  element: "acme",
  file: "docs/elements/acme/openapi.yaml",
  specVersion: "3.0.3",
  title: "Acme",
  version: "1",
  servers: [],
  securitySchemes: [],
  security: [],
  schemas: [],
  descriptionLines: {},
  tags: [
    {
      name: "Contacts",
      id: "tag-contacts",
      untagged: false,
      operations: [
        operation("get", "/contacts", "listContacts"),
        operation("get", "/contacts/{id}", "getContact"),
        operation("get", "/contacts/search"),
        operation("get", "/files/{name}.json"),
        operation("delete", "/contacts/{id}", "deleteContact"),
      ],
    },
  ],
};

const found = (method: HttpMethod, path: string) => findOperation(reference, { method, path })?.operation.operationId ?? findOperation(reference, { method, path })?.operation.path;

describe("findOperation", () => {
  it("matches the document's template, whatever the writer calls its placeholders", () => {
    expect(found("get", "/contacts/{id}")).toBe("getContact");
    expect(found("get", "/contacts/{contactId}")).toBe("getContact");
    expect(found("delete", "/contacts/{id}")).toBe("deleteContact");
  });

  it("matches a concrete path as a request would, preferring literal segments", () => {
    expect(found("get", "/contacts/42")).toBe("getContact");
    expect(found("get", "/contacts/search")).toBe("/contacts/search");
    expect(found("get", "/files/report.json")).toBe("/files/{name}.json");
    expect(found("get", "/contacts/?where=x")).toBe("listContacts");
  });

  it("finds nothing for another method, another depth or an unknown operationId", () => {
    expect(found("post", "/contacts")).toBeUndefined();
    expect(found("get", "/contacts/42/notes")).toBeUndefined();
    expect(findOperation(reference, { operationId: "listContact" })).toBeUndefined();
    expect(findOperation(reference, { operationId: "listContacts" })?.tag.id).toBe("tag-contacts");
  });

  it("reads a tag's words and hints at the nearest operations", () => {
    expect(readOperationName(" get  /contacts ")).toEqual({ method: "get", path: "/contacts" });
    expect(readOperationName("listContacts")).toEqual({ operationId: "listContacts" });
    expect(readOperationName("GET contacts")).toHaveProperty("problem");
    expect(nearestOperationsHint(reference, { operationId: "deleteContacts" })).toBe(
      "The closest operations in docs/elements/acme/openapi.yaml: DELETE /contacts/{id} (deleteContact), GET /contacts (listContacts), GET /contacts/{id} (getContact).",
    );
  });
});
