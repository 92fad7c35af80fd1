import { dateTimeFormat } from '../../../shared/time';
import { createZone } from '../../../shared/views/zone';

/** Wall-clock time of an instant in the workspace zone, in the UI language. */
export function timeOf(at: number, locale: string, timeZone: string): string {
  return dateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(at);
}

/** A day heading: "today" / "yesterday" as words, other days with weekday and date. */
export function dayHeading(dayStart: number, now: number, locale: string, timeZone: string, words: { today: string; yesterday: string }): string {
  const zone = createZone(timeZone);
  const diff = zone.dayOf(now) - zone.dayOf(dayStart);
  const date = dateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(dayStart);
  if (diff === 0) return `${words.today} · ${date}`;
  if (diff === 1) return `${words.yesterday} · ${date}`;
  return date;
}
