/**
 * zod's `error` option for a front matter field: "is required" when absent, otherwise "must be <what>, not <value>",
 * so that a message names the field's rule in the writer's terms rather than zod's type names.
 */
export function expected(what: string) {
  return {
    error: (issue: { input?: unknown }) =>
      issue.input === undefined ? `is required: ${what}` : `must be ${what}, not ${describe(issue.input)}`,
  };
}

/** A front matter value as the writer would recognise it in YAML. */
export function describe(value: unknown): string {
  if (typeof value === "string") return /^-?\d+(\.\d+)?$/.test(value) ? `the text "${value}" (remove the quotes)` : `"${value}"`;
  if (value === null) return "empty";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === "object") return "a nested mapping";
  return String(value);
}
