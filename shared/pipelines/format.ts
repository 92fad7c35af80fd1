import { toMillis } from '../sync';
import { dateTimeFormat, numberFormat } from '../time';

/**
 * Amounts as the CRM sends them (wire strings); no currency is known, so none is shown. A value
 * that is not a finite number ("NaN", "1e309") gives '' and the screen says so in words.
 */
export function formatAmount(value: string | null | undefined, locale: string): string {
  if (value === null || value === undefined || value.trim() === '') return '';
  const n = Number(value);
  return Number.isFinite(n) ? numberFormat(locale, { maximumFractionDigits: 2 }).format(n) : '';
}

export function formatTotal(total: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(total);
}

/** A date or datetime wire value (ISO or epoch ms) as a day in the user's zone; '' when it is none (years 0001–9999 only). */
export function formatDay(value: string | null | undefined, locale: string, timeZone: string): string {
  const ms = toMillis(value ?? undefined);
  if (ms === undefined) return '';
  return dateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(ms);
}

/** `YYYY-MM-DD` of a wire value, for a date input (UTC day: HubSpot dates are midnight UTC). */
export function toDayInput(value: string | null | undefined): string {
  const ms = toMillis(value ?? undefined);
  return ms === undefined ? '' : new Date(ms).toISOString().slice(0, 10);
}

/** A date input's day as the wire value: epoch ms of midnight UTC (docs/hubspot-api.md §2). */
export function fromDayInput(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return '';
  return String(Date.UTC(y, m - 1, d));
}
