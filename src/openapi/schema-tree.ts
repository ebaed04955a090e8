import { isObject } from "./json-pointer.ts";
import type { SchemaBase, SchemaNode, SchemaProperty } from "./model.ts";
import { componentOf, refOf, resolveRef } from "./refs.ts";

type Raw = Record<string, unknown>;

/** A node, and the components it stopped at because they were already being expanded above it. */
interface Expansion {
  node: SchemaNode;
  cuts: ReadonlySet<string>;
}

const NO_CUTS: ReadonlySet<string> = new Set();

/**
 * Turns the schemas of a document into SchemaNode trees (src/openapi/model.ts): references followed, `allOf`
 * merged, and recursion cut where a component appears inside itself. A component whose tree does not depend on
 * where it is used (it cuts at nothing but itself) is built once and shared by every place that uses it: a
 * 500-operation document uses the same few schemas over and over.
 */
export class SchemaReader {
  private readonly built = new Map<string, SchemaNode>();

  /**
   * @param root the document as written, which `$ref`s point into
   * @param schemaIds the heading id of each named schema (component name → id)
   */
  constructor(
    private readonly root: unknown,
    private readonly schemaIds: ReadonlyMap<string, string>,
  ) {}

  /** The tree of a schema as written at some place in the document. */
  read(raw: unknown): SchemaNode {
    return this.expand(raw, []).node;
  }

  /** The tree of a named schema, as the schema section shows it. */
  component(name: string): SchemaNode {
    return this.expandComponent(name, []).node;
  }

  private expand(raw: unknown, stack: readonly string[]): Expansion {
    if (!isObject(raw)) return { node: anyNode(raw === false ? "Nothing is allowed here." : undefined), cuts: NO_CUTS };
    const ref = refOf(raw);
    if (ref !== undefined) return this.expandRef(raw, ref, stack);
    if (Array.isArray(raw.allOf)) return this.expandAllOf(raw, stack);
    const base = baseOf(raw);
    const choice = Array.isArray(raw.oneOf) ? "oneOf" : Array.isArray(raw.anyOf) ? "anyOf" : undefined;
    if (choice) {
      const options = (raw[choice] as unknown[]).map((option) => this.expand(option, stack));
      const discriminator = isObject(raw.discriminator) ? raw.discriminator.propertyName : undefined;
      return {
        node: { ...base, kind: choice, options: options.map((o) => o.node), ...(typeof discriminator === "string" ? { discriminator } : {}) },
        cuts: union(options),
      };
    }
    const types = typesOf(raw);
    if (types.length > 1) {
      const options = types.map((type) => this.expandTyped({ ...raw, type }, type, baseOf({ ...raw, description: undefined }), stack));
      return { node: { ...base, kind: "anyOf", options: options.map((o) => o.node) }, cuts: union(options) };
    }
    return this.expandTyped(raw, types[0], base, stack);
  }

  private expandTyped(raw: Raw, type: string | undefined, base: SchemaBase, stack: readonly string[]): Expansion {
    if (type === "object") {
      const required = new Set(Array.isArray(raw.required) ? raw.required.map(String) : []);
      const parts: Expansion[] = [];
      const properties: SchemaProperty[] = Object.entries(isObject(raw.properties) ? raw.properties : {}).map(([name, schema]) => {
        const part = this.expand(schema, stack);
        parts.push(part);
        return { name, required: required.has(name), schema: part.node };
      });
      let additionalProperties: boolean | SchemaNode = raw.additionalProperties !== false;
      if (isObject(raw.additionalProperties) && Object.keys(raw.additionalProperties).length > 0) {
        const part = this.expand(raw.additionalProperties, stack);
        parts.push(part);
        additionalProperties = part.node;
      }
      return { node: { ...base, kind: "object", properties, additionalProperties }, cuts: union(parts) };
    }
    if (type === "array") {
      const items = this.expand(raw.items ?? {}, stack);
      return { node: { ...base, kind: "array", items: items.node }, cuts: items.cuts };
    }
    if (type === "string" || type === "number" || type === "integer" || type === "boolean" || type === "null") {
      return { node: { ...base, kind: type }, cuts: NO_CUTS };
    }
    return { node: { ...base, kind: "any" }, cuts: NO_CUTS };
  }

  private expandRef(raw: Raw, ref: string, stack: readonly string[]): Expansion {
    const component = componentOf(ref);
    let expansion: Expansion;
    if (component?.section === "schemas") {
      expansion = this.expandComponent(component.name, stack);
    } else {
      // A reference to a schema that is not a named component (`#/components/schemas/Pet/properties/id`).
      const target = resolveRef(this.root, ref);
      expansion = target.found && !stack.includes(ref) ? this.expand(target.value, [...stack, ref]) : { node: anyNode(), cuts: NO_CUTS };
    }
    // OpenAPI 3.1 lets a reference say more beside it; 3.0 documents do it too, and readers expect it honoured.
    const beside = baseOf(raw);
    const extra: Partial<SchemaBase> = {};
    if (beside.description) extra.description = beside.description;
    if (beside.nullable) extra.nullable = true;
    if (beside.deprecated) extra.deprecated = true;
    if (beside.example !== undefined) extra.example = beside.example;
    return Object.keys(extra).length ? { node: { ...expansion.node, ...extra }, cuts: expansion.cuts } : expansion;
  }

  private expandComponent(name: string, stack: readonly string[]): Expansion {
    const schemaId = this.schemaIds.get(name) ?? "";
    if (stack.includes(name)) return { node: { ...emptyBase(), kind: "ref", name, schemaId }, cuts: new Set([name]) };
    const built = this.built.get(name);
    if (built) return { node: built, cuts: NO_CUTS };
    const target = this.componentSchema(name);
    if (target === undefined) return { node: anyNode(), cuts: NO_CUTS };
    const inner = this.expand(target, [...stack, name]);
    const node = { ...inner.node, name, schemaId } as SchemaNode;
    const cuts = new Set([...inner.cuts].filter((cut) => cut !== name));
    // Cut at nothing but itself: the same tree wherever it is used.
    if (cuts.size === 0) this.built.set(name, node);
    return { node, cuts };
  }

  private componentSchema(name: string): unknown {
    const schemas = isObject(this.root) && isObject(this.root.components) ? this.root.components.schemas : undefined;
    const definitions = isObject(this.root) ? this.root.definitions : undefined;
    for (const section of [schemas, definitions]) if (isObject(section) && Object.hasOwn(section, name)) return section[name];
    return undefined;
  }

  /**
   * `allOf`: one schema holding what all of them say. A member that is a component already being expanded
   * cannot be merged into itself, and stands as its link.
   */
  private expandAllOf(raw: Raw, stack: readonly string[]): Expansion {
    const members = raw.allOf as unknown[];
    for (const member of members) {
      const component = componentOf(refOf(member) ?? "");
      if (component?.section === "schemas" && stack.includes(component.name)) return this.expandRef(member as Raw, refOf(member) as string, stack);
    }
    const { allOf: _allOf, ...own } = raw;
    if (members.length === 1 && refOf(members[0]) !== undefined && Object.keys(own).every((key) => key === "description" || key === "nullable")) {
      // `allOf: [$ref]` is how OpenAPI 3.0 documents put a description beside a reference: keep the component's name.
      return this.expandRef({ ...own, ...(members[0] as Raw) }, refOf(members[0]) as string, stack);
    }
    const merged = mergeAll([...members.map((member) => this.flatten(member, new Set())), own]);
    return this.expand(merged, stack);
  }

  /** A member of an `allOf` with its references and its own `allOf` resolved, for merging. */
  private flatten(member: unknown, seen: Set<string>): Raw {
    if (!isObject(member)) return {};
    const ref = refOf(member);
    if (ref !== undefined) {
      if (seen.has(ref)) return {};
      const target = resolveRef(this.root, ref);
      return target.found ? this.flatten(target.value, new Set([...seen, ref])) : {};
    }
    if (!Array.isArray(member.allOf)) return member;
    const { allOf, ...own } = member;
    return mergeAll([...(allOf as unknown[]).map((part) => this.flatten(part, seen)), own]);
  }
}

/** Schemas merged in order: properties and `required` add up, and for anything else the last one saying it wins. */
function mergeAll(parts: readonly Raw[]): Raw {
  const merged: Raw = {};
  const properties: Raw = {};
  const required = new Set<string>();
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (key === "properties" && isObject(value)) Object.assign(properties, value);
      else if (key === "required" && Array.isArray(value)) for (const name of value) required.add(String(name));
      else if (value !== undefined) merged[key] = value;
    }
  }
  if (Object.keys(properties).length) {
    merged.properties = properties;
    merged.type ??= "object";
  }
  if (required.size) merged.required = [...required];
  return merged;
}

/** The JSON types a schema allows (3.1 lists several), `null` left out (it is `nullable`), or inferred. */
function typesOf(raw: Raw): (string | undefined)[] {
  const declared = Array.isArray(raw.type) ? raw.type.map(String) : typeof raw.type === "string" ? [raw.type] : [];
  const types = declared.filter((type) => type !== "null");
  if (types.length) return types;
  if (declared.includes("null")) return ["null"];
  if (isObject(raw.properties) || raw.additionalProperties !== undefined) return ["object"];
  if (raw.items !== undefined) return ["array"];
  const first = Array.isArray(raw.enum) && raw.enum.length ? raw.enum[0] : raw.const;
  if (typeof first === "string" || typeof first === "boolean") return [typeof first];
  if (typeof first === "number") return [Number.isInteger(first) ? "integer" : "number"];
  return [undefined];
}

function baseOf(raw: Raw): SchemaBase {
  const base = emptyBase();
  const text = (key: string) => (typeof raw[key] === "string" ? (raw[key] as string) : undefined);
  const number = (key: string) => (typeof raw[key] === "number" ? (raw[key] as number) : undefined);
  const types = Array.isArray(raw.type) ? raw.type : [raw.type];
  base.nullable = raw.nullable === true || raw["x-nullable"] === true || (types.includes("null") && types.length > 1);
  base.deprecated = raw.deprecated === true;
  base.readOnly = raw.readOnly === true;
  base.writeOnly = raw.writeOnly === true;
  const optional: Partial<SchemaBase> = {
    title: text("title"),
    description: text("description"),
    format: text("format"),
    pattern: text("pattern"),
    enum: Array.isArray(raw.enum) ? raw.enum : "const" in raw ? [raw.const] : undefined,
    default: raw.default,
    example: "example" in raw ? raw.example : Array.isArray(raw.examples) ? raw.examples[0] : undefined,
    minimum: number("minimum") ?? number("exclusiveMinimum"),
    maximum: number("maximum") ?? number("exclusiveMaximum"),
    // 3.0 writes `exclusiveMinimum: true` beside `minimum`; 3.1 writes the bound itself.
    exclusiveMinimum: raw.exclusiveMinimum === true || typeof raw.exclusiveMinimum === "number" || undefined,
    exclusiveMaximum: raw.exclusiveMaximum === true || typeof raw.exclusiveMaximum === "number" || undefined,
    minLength: number("minLength"),
    maxLength: number("maxLength"),
    minItems: number("minItems"),
    maxItems: number("maxItems"),
    uniqueItems: raw.uniqueItems === true || undefined,
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (base as unknown as Raw)[key] = value;
  return base;
}

function emptyBase(): SchemaBase {
  return { nullable: false, deprecated: false, readOnly: false, writeOnly: false };
}

function anyNode(description?: string): SchemaNode {
  return { ...emptyBase(), kind: "any", ...(description ? { description } : {}) };
}

function union(parts: readonly Expansion[]): ReadonlySet<string> {
  if (parts.every((part) => part.cuts.size === 0)) return NO_CUTS;
  return new Set(parts.flatMap((part) => [...part.cuts]));
}
