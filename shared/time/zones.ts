import { wallClockFormat } from '../views/zone';

/**
 * Home and local time (docs/product.md §11): the CSM's home zone is a setting, the current
 * zone is the system's. Pure functions over zone names and instants, with `Intl` only, so
 * Node tests run them on a fixed clock in named zones.
 */

/** The runtime's name for a zone (aliases resolved: "Asia/Calcutta" → "Asia/Kolkata" where it does), or null for an unknown one. */
export function canonicalZone(zone: string): string | null {
  if (!zone) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Minutes east of UTC of `zone` at instant `ms` (Warsaw in winter: 60). */
export function offsetMinutes(ms: number, zone: string): number {
  const p: Record<string, number> = {};
  for (const part of wallClockFormat(zone).formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** "UTC+1", "UTC+0", "UTC+5:30", "UTC-3": the zone's offset at `ms`. */
export function offsetLabel(ms: number, zone: string): string {
  const m = offsetMinutes(ms, zone);
  const abs = Math.abs(m);
  const hours = Math.floor(abs / 60);
  const minutes = abs % 60;
  return `UTC${m < 0 ? '-' : '+'}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

/** Whether the current zone is another zone than home (by the runtime's name; an unknown name counts as itself). */
export function isAway(current: string, home: string): boolean {
  return (canonicalZone(current) ?? current) !== (canonicalZone(home) ?? home);
}

/**
 * The home time of instant `ms` to show beside the local one: "11:00", or with the weekday
 * ("Sat 01:00") when home is on another day; null when home's clocks read the same as the
 * current zone's at that instant (nothing to add).
 */
export function homeTimeText(ms: number, current: string, home: string, locale: string): string | null {
  if (!isAway(current, home) || offsetMinutes(ms, current) === offsetMinutes(ms, home)) return null;
  const dayFormat = (zone: string) => new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric' }).format(ms);
  const sameDay = dayFormat(current) === dayFormat(home);
  return new Intl.DateTimeFormat(locale, {
    timeZone: home,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(sameDay ? {} : { weekday: 'short' }),
  }).format(ms);
}

/** The pair of zones the app last stated ("You are in … ; home is …"), kept so it is stated once. */
export interface ZonePair {
  current: string;
  home: string;
}

/**
 * Which zone change to state: the pair when the user is away from home and this pair was not
 * stated yet (a first trip, a new zone on the trip, a new home), else null. `record` is what
 * to keep: the stated pair while away, null once back home, so the next trip is stated again.
 */
export function zoneChangeToState(current: string, home: string, stated: ZonePair | null): { state: ZonePair | null; record: ZonePair | null } {
  if (!isAway(current, home)) return { state: null, record: null };
  const pair = { current, home };
  if (stated && !isAway(stated.current, current) && !isAway(stated.home, home)) return { state: null, record: stated };
  return { state: pair, record: pair };
}
