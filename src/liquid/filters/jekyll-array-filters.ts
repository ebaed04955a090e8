import { Drop, toValueSync, Value, type Context, type Liquid } from "liquidjs";

/** What liquidjs gives a filter as `this`. */
interface FilterThis {
  context: Context;
  liquid: Liquid;
}

/**
 * Jekyll's own `where`, `where_exp`, `group_by`, `group_by_exp` and `sort` (Jekyll::Filters), which legacy pages use on
 * `site.pages` and `site.data`. liquidjs has filters of these names, but reads each item's property as a variable:
 * strict, so a page without the key (most pages lack a `category`) failed the whole `assign`, and `where: "order",
 * "3"` never matched `order: 3`. Jekyll reads a missing property as nil, compares as text, and gives each group
 * its `size`; its `sort` puts items without the property first (`sort: "order", "last"` puts them last).
 */
export function jekyllArrayFilters() {
  return {
    where(this: FilterThis, input: unknown, property: unknown, target: unknown): unknown {
      // Liquid's `nil` is nil; `empty` and `blank` match a missing or empty value, as in Jekyll.
      const wanted = target instanceof Drop ? (target.valueOf() === null ? null : EMPTY) : target;
      if (property === undefined || property === null || Array.isArray(wanted) || isMapping(wanted)) return input;
      const items = listOf(input);
      return items === undefined ? input : items.filter((item) => matches(itemProperty(item, String(property)), wanted));
    },
    where_exp(this: FilterThis, input: unknown, variable: unknown, expression: unknown): unknown {
      const items = listOf(input);
      if (items === undefined) return input;
      const condition = new Value(String(expression ?? ""), this.liquid);
      return items.filter((item) => isTruthy(valueWith(this.context, String(variable), item, condition)));
    },
    group_by(this: FilterThis, input: unknown, property: unknown): unknown {
      const items = listOf(input);
      return items === undefined ? input : grouped(items, (item) => groupName(itemProperty(item, String(property ?? ""))));
    },
    sort(this: FilterThis, input: unknown, property?: unknown, nils: unknown = "first"): unknown {
      // Jekyll stops on nil ("Cannot sort a null object"); here, as liquidjs did, it is an empty list: what a
      // Ruby plugin not run (site.shards[id]) leaves undefined must not stop the page.
      if (input === undefined || input === null) return [];
      if (!Array.isArray(input)) return input;
      if (property === undefined || property === null) return [...input].sort(rubyCompare);
      if (nils !== "first" && nils !== "last") throw new Error(`Invalid nils order: '${text(nils)}' is not a valid nils order. It must be 'first' or 'last'.`);
      // Jekyll's sort_input: an item without the property goes first (or last), the others by it.
      const order = nils === "first" ? -1 : 1;
      const keyed = input.map((item) => [itemProperty(item, String(property)), item] as const);
      return keyed
        .sort(([a], [b]) => {
          const aNil = a === undefined || a === null;
          const bNil = b === undefined || b === null;
          if (!aNil && bNil) return -order;
          if (aNil && !bNil) return order;
          return aNil ? 0 : rubyCompare(a, b);
        })
        .map(([, item]) => item);
    },
    group_by_exp(this: FilterThis, input: unknown, variable: unknown, expression: unknown): unknown {
      const items = listOf(input);
      if (items === undefined) return input;
      const key = new Value(String(expression ?? ""), this.liquid);
      return grouped(items, (item) => valueWith(this.context, String(variable), item, key));
    },
  };
}

/** Ruby's `a <=> b`, falling back to their texts where Ruby cannot compare them (a number and a string). */
function rubyCompare(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  // Dates by time, not by their text (which starts with the weekday).
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  const [x, y] = [text(a), text(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Liquid's `empty` (or `blank`) as a `where` target. */
const EMPTY = Symbol("empty");

/** The items of an array, or the values of a mapping, as Jekyll selects over them; undefined for anything else. */
function listOf(input: unknown): unknown[] | undefined {
  if (Array.isArray(input)) return input;
  if (isMapping(input)) return Object.values(input);
  return undefined;
}

/** Jekyll's item_property: the property along a dotted path, nil where it is missing, numeric text as a number. */
function itemProperty(item: unknown, property: string): unknown {
  let value: unknown = item;
  for (const key of property.split(".")) {
    value = isMapping(value) && Object.hasOwn(value, key) ? value[key] : undefined;
    if (value === undefined) return undefined;
  }
  return sortInput(value);
}

/** Jekyll's parse_sort_input: text that is a whole or decimal number reads as that number. */
function sortInput(value: unknown): unknown {
  const written = text(value);
  if (/^\s*-?\d+\s*$/.test(written)) return Number.parseInt(written, 10);
  if (/^\s*-?(?:\d+\.?\d*|\.\d+)\s*$/.test(written)) return Number.parseFloat(written);
  return value;
}

/** Jekyll's compare_property_vs_target: nil matches nil; else as text, an array by any of its items. */
function matches(property: unknown, target: unknown): boolean {
  if (target === undefined || target === null) return property === undefined || property === null;
  if (target === EMPTY) return text(property) === "";
  const wanted = text(target);
  if (typeof property === "string") return property === wanted;
  const values = property === undefined || property === null ? [] : Array.isArray(property) ? property : [property];
  return values.some((value) => text(value) === wanted);
}

/** `expression` evaluated with `variable` set to `item`, a missing property reading as nil, as in Jekyll. */
function valueWith(context: Context, variable: string, item: unknown, expression: Value): unknown {
  context.push({ [variable]: item });
  try {
    return toValueSync(expression.value(context, true));
  } finally {
    context.pop();
  }
}

/** Jekyll's grouped_array: each key once, in the order met, with its items and their count. */
function grouped(items: unknown[], keyOf: (item: unknown) => unknown): Array<{ name: unknown; items: unknown[]; size: number }> {
  const groups = new Map<unknown, unknown[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups].map(([name, members]) => ({ name, items: members, size: members.length }));
}

/** Ruby's to_s of a group's key: a list as Ruby writes it (`["x", "y"]`), so that it is not the text "xy". */
function groupName(value: unknown): string {
  return Array.isArray(value) ? `[${value.map(inspected).join(", ")}]` : text(value);
}

/** Ruby's inspect of a list's item: text in double quotes, nil as nil. */
function inspected(value: unknown): string {
  if (value === undefined || value === null) return "nil";
  if (typeof value === "string") return JSON.stringify(value);
  return Array.isArray(value) ? groupName(value) : String(value);
}

/** Ruby's to_s as Liquid shows values: nil is empty text. */
function text(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map(text).join("");
  return String(value);
}

/** Liquid's truthiness: only false and nil are false. */
function isTruthy(value: unknown): boolean {
  return value !== false && value !== undefined && value !== null;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
