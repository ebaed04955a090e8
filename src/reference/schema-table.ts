import type { SchemaNode } from "../openapi/model.ts";
import { escapeHtml } from "./html.ts";
import { descriptionHtml } from "./markdown-parts.ts";
import type { ReferenceContext } from "./reference-context.ts";
import { constraintsHtml, typeHtml } from "./schema-type.ts";

/**
 * How deep nested objects are shown inline. Deeper ones are named by their type, which links to the schema
 * section when they are named schemas; a recursive schema stops where it meets itself whatever the depth.
 */
const MAX_DEPTH = 4;

/** One row of a schema table: a field, at its path from the table's top. */
interface FieldRow {
  /** `address.` or `items[].`: where the field sits, shown muted before its name. */
  prefix: string;
  name: string;
  depth: number;
  required: boolean;
  node: SchemaNode;
}

/**
 * A schema as a reader takes it in: its type on one line, then a table of its fields (nested objects and the
 * objects in arrays as dotted rows below their parent), each with its type, whether it is required, its
 * description and what values it allows. A schema without fields (a string, an array of strings) is the type line
 * and its constraints only.
 */
export function schemaHtml(context: ReferenceContext, node: SchemaNode): string {
  const rows = fieldRows(node, "", 0);
  const about = [descriptionHtml(context, topDescription(node)), constraintsList(context, node)].join("");
  const typeLine = `<p class="api-schema__type"><span class="api-schema__label">${escapeHtml(context.labels.type)}:</span> ${typeHtml(context, node)}</p>`;
  if (rows.length === 0) return `<div class="api-schema">${typeLine}${about}${closedNote(context, node)}</div>`;
  const { labels } = context;
  const body = rows.map((row) => rowHtml(context, row)).join("");
  return (
    `<div class="api-schema">${typeLine}${about}` +
    `<table class="api-fields"><thead><tr><th scope="col">${escapeHtml(labels.field)}</th><th scope="col">${escapeHtml(labels.type)}</th>` +
    `<th scope="col">${escapeHtml(labels.description)}</th></tr></thead><tbody>${body}</tbody></table>${closedNote(context, fieldsOwner(node))}</div>`
  );
}

/** The description shown above the table: a named schema's own is on the overview, so only an inline one. */
function topDescription(node: SchemaNode): string | undefined {
  return node.name ? undefined : node.description;
}

function rowHtml(context: ReferenceContext, row: FieldRow): string {
  const { labels } = context;
  const { node } = row;
  const badges = [
    row.required ? `<span class="api-badge api-badge--required">${escapeHtml(labels.required)}</span>` : "",
    node.deprecated ? `<span class="api-badge api-badge--deprecated">${escapeHtml(labels.deprecated)}</span>` : "",
    node.readOnly ? `<span class="api-badge">${escapeHtml(labels.readOnly)}</span>` : "",
    node.writeOnly ? `<span class="api-badge">${escapeHtml(labels.writeOnly)}</span>` : "",
  ]
    .filter(Boolean)
    .join(" ");
  const name =
    `<th scope="row" class="api-field api-field--depth-${Math.min(row.depth, MAX_DEPTH)}">` +
    (row.prefix ? `<span class="api-field__path">${pathHtml(row.prefix)}</span>` : "") +
    `<code class="api-field__name">${escapeHtml(row.name)}</code>${badges ? ` <span class="api-badges">${badges}</span>` : ""}</th>`;
  const recursive = node.kind === "ref" ? `<p class="api-note">${escapeHtml(labels.recursive)}</p>` : "";
  const description = descriptionHtml(context, node.description) + recursive + constraintsList(context, node);
  return `<tr>${name}<td class="api-type">${typeHtml(context, node)}</td><td>${description}</td></tr>`;
}

/** A field's path with a line-break chance after each step, so that a narrow column breaks it there only. */
function pathHtml(prefix: string): string {
  return escapeHtml(prefix).replace(/\./g, ".<wbr>");
}

function constraintsList(context: ReferenceContext, node: SchemaNode): string {
  const items = constraintsHtml(context, node);
  return items.length ? `<ul class="api-constraints">${items.map((item) => `<li>${item}</li>`).join("")}</ul>` : "";
}

/** "No other properties are allowed." under the table of an object that says `additionalProperties: false`. */
function closedNote(context: ReferenceContext, node: SchemaNode | undefined): string {
  return node?.kind === "object" && node.additionalProperties === false && node.properties.length > 0
    ? `<p class="api-note">${escapeHtml(context.labels.noOtherProperties)}</p>`
    : "";
}

/** The object whose properties make the table's first rows: the schema, or the items of an array of objects. */
function fieldsOwner(node: SchemaNode): SchemaNode | undefined {
  if (node.kind === "object") return node;
  if (node.kind === "array") return fieldsOwner(node.items);
  return undefined;
}

/** The rows of a schema's fields, depth first: each field, then the fields inside it. */
function fieldRows(node: SchemaNode, prefix: string, depth: number): FieldRow[] {
  if (depth > MAX_DEPTH) return [];
  switch (node.kind) {
    case "object": {
      const rows: FieldRow[] = [];
      for (const property of node.properties) {
        rows.push({ prefix, name: property.name, depth, required: property.required, node: property.schema });
        rows.push(...fieldRows(property.schema, `${prefix}${property.name}${nestedSuffix(property.schema)}`, depth + 1));
      }
      if (typeof node.additionalProperties === "object" && node.properties.length > 0) {
        rows.push({ prefix, name: "*", depth, required: false, node: node.additionalProperties });
      }
      return rows;
    }
    case "array":
      return fieldRows(node.items, prefix, depth);
    case "oneOf":
    case "anyOf":
      // The options' own fields, each under the option's name: `contact (Contact).email`.
      return node.options.flatMap((option, index) =>
        option.kind === "object" && option.properties.length ? fieldRows(option, `${prefix}(${option.name ?? index + 1}).`, depth) : [],
      );
    default:
      return [];
  }
}

/** What goes between a field's name and its own fields: `.` for an object, `[].` for an array of objects. */
function nestedSuffix(node: SchemaNode): string {
  let suffix = "";
  let inner = node;
  while (inner.kind === "array") {
    suffix += "[]";
    inner = inner.items;
  }
  return `${suffix}.`;
}
