/** Display helpers of the Tasks tab (pure; the zone and locale come from the caller). */
import { toMillis } from '../../../shared/sync';
import { dateTimeFormat } from '../../../shared/time';

/** A task's due time (epoch ms or ISO); null when unset or when it is no date (years 0001–9999 only). */
export function parseDue(v: string | null | undefined): number | null {
  return toMillis(v ?? undefined) ?? null;
}

export function formatDue(ms: number, timeZone: string, locale: string): string {
  return dateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(ms);
}
