import { xmlSchemaTime } from "./xml-schema-time.ts";

/**
 * The offset a YAML time was written with (`2024-03-05T02:00:00+09:00` is +540 minutes, `…Z` is 0), by the Date
 * js-yaml made of it: a Date holds no zone, and Jekyll prints such a time in the zone written, as Psych reads it.
 */
const offsets = new WeakMap<Date, number>();
/** Dates written in UTC with `Z`, which Ruby prints as UTC rather than +0000. */
const utc = new WeakSet<Date>();
/** Whether any time was noted with its zone: until then, nothing needs packing for a render thread. */
let anyNoted = false;

/** js-yaml's timestamp with an explicit zone: `Z`, or `+09:00`, `-8`, with spaces or not before it. */
const ZONE = /(?:[Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2}(?:\.\d*)?[ \t]*(?:(Z)|([-+])(\d{1,2})(?::(\d{2}))?)$/;

/** Notes the zone `text` (the YAML scalar) was written with, if it names one, on the Date made of it. */
export function noteWrittenOffset(date: Date, text: string): Date {
  const zone = ZONE.exec(text.trim());
  if (!zone) return date;
  offsets.set(date, zone[1] ? 0 : (zone[2] === "-" ? -1 : 1) * (Number(zone[3]) * 60 + Number(zone[4] ?? 0)));
  if (zone[1]) utc.add(date);
  anyNoted = true;
  return date;
}

/** Whether the date was written in UTC, with `Z`. */
export function writtenAsUtc(date: Date): boolean {
  return utc.has(date);
}

/** The offset in minutes a YAML time was written with, or undefined for one without a zone (or no YAML time). */
export function writtenOffset(date: Date): number | undefined {
  return offsets.get(date);
}

/** The time as written, with its offset (`2024-03-05T02:00:00+09:00`), for a date written with one. */
export function writtenIso(date: Date): string | undefined {
  const offset = offsets.get(date);
  return offset === undefined ? undefined : xmlSchemaTime(date, offset);
}

const PACKED = "\u0000writtenZone";
type Packed = { [PACKED]: number; offset: number; utc: boolean };

/**
 * `value` with each time written with a zone replaced by a plain record of it, for a render thread: a Date sent to
 * a thread arrives without what this module notes about it, and the page would print in another zone there than
 * here. Objects holding none are passed as they are; undefined when nothing was replaced.
 */
export function packWrittenZones<T>(value: T): T | undefined {
  if (!anyNoted) return undefined;
  const result = rebuilt(value, new Map(), (item) => {
    if (!(item instanceof Date)) return undefined;
    const offset = offsets.get(item);
    return offset === undefined ? undefined : ({ [PACKED]: item.getTime(), offset, utc: utc.has(item) } satisfies Packed);
  });
  return result === value ? undefined : (result as T);
}

/** The times `packWrittenZones` packed, as Dates with their zones noted again. */
export function unpackWrittenZones<T>(value: T): T {
  return rebuilt(value, new Map(), (item) => {
    if (typeof item !== "object" || item === null || !(PACKED in item)) return undefined;
    const { [PACKED]: time, offset, utc: inUtc } = item as Packed;
    const date = new Date(time);
    offsets.set(date, offset);
    if (inUtc) utc.add(date);
    return date;
  }) as T;
}

/** `value` with what `replace` gives for its parts, copying only the plain objects and arrays on the way to one. */
function rebuilt(value: unknown, seen: Map<object, unknown>, replace: (item: unknown) => unknown): unknown {
  const replaced = replace(value);
  if (replaced !== undefined) return replaced;
  if (typeof value !== "object" || value === null) return value;
  const known = seen.get(value);
  if (known !== undefined) return known;
  seen.set(value, value);
  const prototype = Object.getPrototypeOf(value);
  let copy: unknown[] | Record<string, unknown> | undefined;
  if (Array.isArray(value)) {
    let items: unknown[] | undefined;
    value.forEach((item, index) => {
      const part = rebuilt(item, seen, replace);
      if (part !== item) (items ??= [...value])[index] = part;
    });
    copy = items;
  } else if (prototype === Object.prototype || prototype === null) {
    let fields: Record<string, unknown> | undefined;
    for (const [key, item] of Object.entries(value)) {
      const part = rebuilt(item, seen, replace);
      if (part !== item) (fields ??= { ...value })[key] = part;
    }
    copy = fields;
  }
  seen.set(value, copy ?? value);
  return copy ?? value;
}
