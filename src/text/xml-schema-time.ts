const two = (n: number) => String(n).padStart(2, "0");

/** An offset from UTC in minutes as a time's zone is written: `+09:00` with `separator` ":", `-0800` without. */
export function offsetText(minutes: number, separator: "" | ":"): string {
  return `${minutes < 0 ? "-" : "+"}${two(Math.floor(Math.abs(minutes) / 60))}${separator}${two(Math.abs(minutes) % 60)}`;
}

/** The day and time a clock `offset` minutes from UTC shows at `date`: `2024-01-02` and `20:00:00`. */
export function wallClock(date: Date, offset: number): { day: string; time: string } {
  const clock = new Date(date.getTime() + offset * 60_000);
  return {
    day: `${clock.getUTCFullYear()}-${two(clock.getUTCMonth() + 1)}-${two(clock.getUTCDate())}`,
    time: `${two(clock.getUTCHours())}:${two(clock.getUTCMinutes())}:${two(clock.getUTCSeconds())}`,
  };
}

/**
 * A time as Ruby's Time#xmlschema writes it, in the local zone (the site's `timezone:`) or `offset` minutes from UTC:
 * `2024-01-02T20:00:00-08:00`.
 */
export function xmlSchemaTime(date: Date, offset = -date.getTimezoneOffset()): string {
  const { day, time } = wallClock(date, offset);
  return `${day}T${time}${offsetText(offset, ":")}`;
}
