import type { Liquid } from "liquidjs";
import { isCalendarDay } from "../../text/calendar-day.ts";
import { writtenIso } from "../../text/written-offset.ts";

/** liquidjs's date filters, which Jekyll pages use on front matter dates. */
const DATE_FILTERS = ["date", "date_to_xmlschema", "date_to_rfc822", "date_to_string", "date_to_long_string"];

/** A date without a time, as CSV and JSON data and quoted YAML hold it: `2024-02-01`. */
const DAY_TEXT = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;

/** Ruby's strftime directives that stand for others, which liquidjs's `date` does not know and prints as written. */
const RUBY_SHORTHANDS: Record<string, string> = { F: "%Y-%m-%d", T: "%H:%M:%S", D: "%m/%d/%y", R: "%H:%M", r: "%I:%M:%S %p", h: "%b", n: "\n", t: "\t" };

/**
 * liquidjs's date filters, made to read dates as Jekyll's do:
 * - A day without a time is that day, whatever the time zone. Ruby's Psych reads a YAML date (`updated: 2024-06-01`)
 *   as a Date, and Ruby's Time.parse reads `"2024-06-01"` (a CSV or JSON value, quoted YAML) as local midnight;
 *   js-yaml and JavaScript give midnight UTC, which a zone west of UTC (`timezone: America/New_York`) printed as the
 *   day before. Such a value reaches the filters as midnight of that day in the local zone.
 * - `date:` takes Ruby's shorthands: `%F` is `%Y-%m-%d`, `%T` is `%H:%M:%S`, and so on.
 * - A time written with its offset keeps it in `date:` (liquidjs's `preserveTimezones`, src/liquid/create-liquid.ts), as
 *   in Ruby; the `date_to_*` filters show it in the site's zone, since Jekyll's call `localtime` first.
 */
export function readDatesAsJekyll(liquid: Liquid): void {
  const filters = (liquid as unknown as { filters: Record<string, ((this: unknown, ...args: unknown[]) => unknown) | undefined> }).filters;
  for (const name of DATE_FILTERS) {
    const original = filters[name];
    if (!original) continue;
    liquid.registerFilter(name, function (this: unknown, value: unknown, ...args: unknown[]) {
      const format = name === "date" && typeof args[0] === "string" ? [withoutShorthands(args[0]), ...args.slice(1)] : args;
      const day = asDay(value);
      return original.call(this, name === "date" ? asWritten(day) : inLocalZone(day), ...format);
    });
  }
}

function asDay(value: unknown): unknown {
  if (value instanceof Date) return isCalendarDay(value) ? new Date(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()) : value;
  const day = typeof value === "string" ? DAY_TEXT.exec(value) : null;
  return day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : value;
}

/** A YAML time written with its zone, as the text liquidjs keeps that zone for (`preserveTimezones`). */
function asWritten(value: unknown): unknown {
  return value instanceof Date ? (writtenIso(value) ?? value) : value;
}

/** A time written as text, read as an instant, so that liquidjs shows it in the local zone rather than its own. */
function inLocalZone(value: unknown): unknown {
  if (typeof value !== "string" || /^\s*\d+\s*$/.test(value)) return value;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : instant;
}

function withoutShorthands(format: string): string {
  return format.replace(/%(%|[FTDRrhnt])/g, (whole, directive: string) => RUBY_SHORTHANDS[directive] ?? whole);
}
