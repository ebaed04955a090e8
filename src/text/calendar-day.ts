/**
 * Whether a date is exactly midnight UTC: what YAML makes of a date written without a time (`2024-06-01`), which
 * Ruby's Psych reads as a Date, a day rather than an instant.
 */
export function isCalendarDay(date: Date): boolean {
  return date.getTime() % 86_400_000 === 0;
}
