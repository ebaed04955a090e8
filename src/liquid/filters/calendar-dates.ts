import type { Liquid } from "liquidjs";
import { isCalendarDay } from "../../text/calendar-day.ts";

/** liquidjs's date filters, which Jekyll pages use on front matter dates. */
const DATE_FILTERS = ["date", "date_to_xmlschema", "date_to_rfc822", "date_to_string", "date_to_long_string"];

/**
 * A YAML date without a time (`updated: 2024-06-01`) is a day, not an instant: Ruby's Psych reads it as a Date, which
 * Jekyll prints as that day whatever the time zone. js-yaml gives midnight UTC, which a zone west of UTC (`timezone:
 * America/Los_Angeles`, or a writer's own machine) printed as the day before. Such a value reaches liquidjs's date
 * filters as midnight of that day in the local zone; a Date at any other time is left as it is.
 */
export function treatMidnightUtcAsDay(liquid: Liquid): void {
  const filters = (liquid as unknown as { filters: Record<string, ((this: unknown, ...args: unknown[]) => unknown) | undefined> }).filters;
  for (const name of DATE_FILTERS) {
    const original = filters[name];
    if (!original) continue;
    liquid.registerFilter(name, function (this: unknown, value: unknown, ...args: unknown[]) {
      return original.call(this, value instanceof Date && isCalendarDay(value) ? localDay(value) : value, ...args);
    });
  }
}

function localDay(date: Date): Date {
  return new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}
