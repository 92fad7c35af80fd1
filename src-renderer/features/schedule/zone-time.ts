import { DateTime } from 'luxon';

/** The value of an `<input type="datetime-local">` for instant `ms` in `zone`. */
export function toLocalInput(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** The instant a `datetime-local` value names in `zone`; null for an empty or invalid value. */
export function fromLocalInput(value: string, zone: string): number | null {
  if (!value) return null;
  const dt = DateTime.fromISO(value, { zone });
  return dt.isValid ? dt.toMillis() : null;
}

/** The instants that bound the civil day containing `ms` in `zone`. */
export function dayBounds(ms: number, zone: string): { start: number; end: number } {
  const start = DateTime.fromMillis(ms, { zone }).startOf('day');
  return { start: start.toMillis(), end: start.plus({ days: 1 }).toMillis() };
}

/** Named IANA zones the runtime knows, with UTC and the given ones guaranteed present. */
export function zoneChoices(...must: string[]): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...must, 'UTC', ...known])].sort((a, b) => a.localeCompare(b));
}

/** "10:00" or "27 Nov, 10:00": a short time in `zone` for the summary. */
export function formatInZone(ms: number, zone: string, locale: string): string {
  return DateTime.fromMillis(ms, { zone }).setLocale(locale).toLocaleString(DateTime.DATETIME_MED);
}
