/** The machine's own zone, from before any tree set one: a tree without `timezone:` gets it back. */
const machineZone = process.env.TZ;

/**
 * `timezone:` of `_config.yml`, as Jekyll applies it: the process's local time zone (its TZ), in which posts get
 * their dated URLs and dates print, so that a post at `2024-01-02 20:00:00 -0800` is at /2024/01/02/ under
 * `timezone: America/New_York`, as Jekyll puts it. Render threads, started later, inherit it. A zone that does not
 * exist was refused with _config.yml (src/config/site-values.ts).
 */
export function useSiteTimezone(zone: unknown): void {
  const wanted = zone === undefined || zone === null || zone === "" ? machineZone : String(zone);
  if (wanted === undefined) delete process.env.TZ;
  else process.env.TZ = wanted;
}

/** Whether `zone` is a time zone of the IANA database that this Node knows. */
export function isTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
