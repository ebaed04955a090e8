import type { SchemaNode } from "./model.ts";

/** Whether the example is of a request (read-only fields left out) or of a response (write-only ones left out). */
export type ExampleDirection = "request" | "response";

/** A value of each common string format, as a reader expects to see it. */
const STRING_BY_FORMAT: Record<string, string> = {
  "date-time": "2024-01-15T09:30:00Z",
  date: "2024-01-15",
  time: "09:30:00",
  email: "user@example.com",
  uri: "https://example.com",
  url: "https://example.com",
  "uri-reference": "/path",
  hostname: "example.com",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
  uuid: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
  byte: "ZXhhbXBsZQ==",
  binary: "(binary)",
  password: "********",
};

/** How many optional properties an object's example shows beside its required ones. */
const OPTIONAL_SHOWN = 3;

/**
 * An example value of a schema, for a reference page that shows a request or response body. The schema's own
 * `example`, `default` or first `enum` value when it has one; otherwise one made from its type and format: objects
 * with their required properties and a few optional ones, arrays of one item, numbers within their bounds.
 * The same schema always gives the same example. A schema met again inside itself (a `ref` node) ends the
 * recursion: it is left out where it is optional, and is an empty array or object where it is required.
 */
export function exampleValue(schema: SchemaNode, direction: ExampleDirection = "response"): unknown {
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.kind) {
    case "object": {
      const value: Record<string, unknown> = {};
      let optionalShown = 0;
      for (const property of schema.properties) {
        const node = property.schema;
        if ((direction === "request" && node.readOnly) || (direction === "response" && node.writeOnly)) continue;
        if (!property.required && (node.kind === "ref" || optionalShown >= OPTIONAL_SHOWN)) continue;
        if (!property.required) optionalShown++;
        value[property.name] = exampleValue(node, direction);
      }
      if (schema.properties.length === 0 && typeof schema.additionalProperties === "object" && schema.additionalProperties.kind !== "ref") {
        value.key = exampleValue(schema.additionalProperties, direction);
      }
      return value;
    }
    case "array":
      return schema.items.kind === "ref" ? [] : [exampleValue(schema.items, direction)];
    case "string":
      return exampleString(schema);
    case "integer":
    case "number":
      return exampleNumber(schema);
    case "boolean":
      return true;
    case "null":
      return null;
    case "oneOf":
    case "anyOf":
      return schema.options.length ? exampleValue(schema.options[0], direction) : null;
    case "ref":
      return {};
    case "any":
      return schema.nullable ? null : {};
  }
}

function exampleString(schema: SchemaNode): string {
  let text = (schema.format && STRING_BY_FORMAT[schema.format]) || "string";
  if (schema.minLength !== undefined && text.length < schema.minLength) text = text.padEnd(schema.minLength, "x");
  if (schema.maxLength !== undefined && text.length > schema.maxLength) text = text.slice(0, schema.maxLength);
  return text;
}

/** 1 (1.5 for a number that need not be whole), moved inside the bounds when it is outside. */
function exampleNumber(schema: SchemaNode): number {
  const whole = schema.kind === "integer";
  const step = whole ? 1 : 0.5;
  let value = whole ? 1 : 1.5;
  if (schema.minimum !== undefined) {
    const lowest = schema.exclusiveMinimum ? schema.minimum + step : schema.minimum;
    if (value < lowest) value = whole ? Math.ceil(lowest) : lowest;
  }
  if (schema.maximum !== undefined) {
    const highest = schema.exclusiveMaximum ? schema.maximum - step : schema.maximum;
    if (value > highest) value = whole ? Math.floor(highest) : highest;
  }
  return value;
}
