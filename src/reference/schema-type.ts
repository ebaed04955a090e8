import type { SchemaNode } from "../openapi/model.ts";
import { codeOf, escapeHtml } from "./html.ts";
import type { ReferenceLabels } from "./labels.ts";
import { hrefTo, type ReferenceContext } from "./reference-context.ts";

/**
 * A schema's type as a reader says it: `string (date-time)`, `array of Contact`, `One of: Contact | Company`,
 * `integer or null`. A named schema is a link to its section on the overview.
 */
export function typeHtml(context: ReferenceContext, node: SchemaNode): string {
  const { labels } = context;
  let text: string;
  if (node.name && node.schemaId && node.kind !== "array") {
    text = `<a href="${escapeHtml(hrefTo(context, `${context.overviewUrl}#${node.schemaId}`))}">${escapeHtml(node.name)}</a>`;
  } else {
    switch (node.kind) {
      case "array":
        text = `${escapeHtml(labels.arrayOf)} ${typeHtml(context, node.items)}`;
        break;
      case "object":
        text =
          node.properties.length === 0 && typeof node.additionalProperties === "object"
            ? `${escapeHtml(labels.mapOf)} ${typeHtml(context, node.additionalProperties)}`
            : "object";
        break;
      case "oneOf":
      case "anyOf":
        text = `${escapeHtml(node.kind === "oneOf" ? labels.oneOf : labels.anyOf)}: ${node.options.map((option) => typeHtml(context, option)).join(" | ")}`;
        break;
      case "any":
        text = escapeHtml(labels.anyValue);
        break;
      case "ref":
        text = escapeHtml(node.name);
        break;
      default:
        text = node.kind;
    }
  }
  if (node.format && node.kind !== "object" && node.kind !== "array") text += ` <span class="api-format">(${escapeHtml(node.format)})</span>`;
  if (node.nullable) text += ` ${escapeHtml(labels.nullable)}`;
  return text;
}

/** What a schema allows beyond its type: values, bounds, default, pattern; each an item of a short list. */
export function constraintsHtml(context: ReferenceContext, node: SchemaNode): string[] {
  const { labels } = context;
  const items: string[] = [];
  if (node.enum?.length) items.push(`${escapeHtml(labels.allowedValues)}: ${node.enum.map(codeOf).join(", ")}`);
  if (node.default !== undefined) items.push(`${escapeHtml(labels.defaultValue)}: ${codeOf(node.default)}`);
  const range = rangeText(labels, node.minimum, node.maximum, node.exclusiveMinimum, node.exclusiveMaximum);
  if (range) items.push(escapeHtml(range));
  const length = rangeText(labels, node.minLength, node.maxLength);
  if (length) items.push(escapeHtml(`${length} ${labels.characters}`));
  const count = rangeText(labels, node.minItems, node.maxItems);
  if (count) items.push(escapeHtml(`${count} ${labels.items}`));
  if (node.uniqueItems) items.push(escapeHtml(labels.uniqueItems));
  if (node.pattern) items.push(`${escapeHtml(labels.pattern)}: ${codeOf(node.pattern)}`);
  return items;
}

/** `1 to 200`, `at least 1`, `more than 0`, `at most 10`; undefined without bounds. */
function rangeText(labels: ReferenceLabels, min?: number, max?: number, exclusiveMin?: boolean, exclusiveMax?: boolean): string | undefined {
  if (min !== undefined && max !== undefined && !exclusiveMin && !exclusiveMax) return `${min} ${labels.rangeTo} ${max}`;
  const low = min === undefined ? undefined : `${exclusiveMin ? labels.moreThan : labels.atLeast} ${min}`;
  const high = max === undefined ? undefined : `${exclusiveMax ? labels.lessThan : labels.atMost} ${max}`;
  return [low, high].filter(Boolean).join(", ") || undefined;
}
