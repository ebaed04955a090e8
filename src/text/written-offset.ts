/**
 * The offset a YAML time was written with (`2024-03-05T02:00:00+09:00` is +540 minutes, `…Z` is 0), by the Date
 * js-yaml made of it: a Date holds no zone, and Jekyll prints such a time in the zone written, as Psych reads it.
 */
const offsets = new WeakMap<Date, number>();
/** Dates written in UTC with `Z`, which Ruby prints as UTC rather than +0000. */
const utc = new WeakSet<Date>();

/** js-yaml's timestamp with an explicit zone: `Z`, or `+09:00`, `-8`, with spaces or not before it. */
const ZONE = /(?:[Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2}(?:\.\d*)?[ \t]*(?:(Z)|([-+])(\d{1,2})(?::(\d{2}))?)$/;

/** Notes the zone `text` (the YAML scalar) was written with, if it names one, on the Date made of it. */
export function noteWrittenOffset(date: Date, text: string): Date {
  const zone = ZONE.exec(text.trim());
  if (zone) offsets.set(date, zone[1] ? 0 : (zone[2] === "-" ? -1 : 1) * (Number(zone[3]) * 60 + Number(zone[4] ?? 0)));
  if (zone?.[1]) utc.add(date);
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

/**
 * The date's wall clock in the offset it was written with, as the parts of a Date read in UTC, and the offset; or
 * undefined for a date written without one.
 */
export function inWrittenZone(date: Date): { clock: Date; offset: number } | undefined {
  const offset = offsets.get(date);
  return offset === undefined ? undefined : { clock: new Date(date.getTime() + offset * 60_000), offset };
}

/** The time as written, with its offset (`2024-03-05T02:00:00+09:00`), for a date written with one. */
export function writtenIso(date: Date): string | undefined {
  const zoned = inWrittenZone(date);
  if (!zoned) return undefined;
  const two = (n: number) => String(n).padStart(2, "0");
  const { clock, offset } = zoned;
  const zone = `${offset < 0 ? "-" : "+"}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
  return `${clock.toISOString().slice(0, 19)}${zone}`;
}
