import { dateTimeFormat } from '../time/formatters';

/**
 * Civil days in an IANA time zone with nothing but `Intl.DateTimeFormat`. A civil day is a
 * day number (days since 1970-01-01 on the proleptic Gregorian calendar), so day
 * arithmetic is integer arithmetic and only the day ↔ instant mapping needs the zone.
 */

export const DAY_MS = 86_400_000;

export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function civilDate(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export interface Zone {
  readonly timeZone: string;
  /** The civil day on which instant `ms` falls in this zone. */
  dayOf(ms: number): number;
  /** The first instant of civil day `day` in this zone; a midnight skipped by DST gives the transition instant. */
  startOfDay(day: number): number;
}

/**
 * A formatter whose parts are the zone's wall clock (24-hour, numeric, to the second); one per
 * zone, kept. Throws RangeError for a zone name the runtime does not know.
 */
export function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  return dateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
}

/** Throws RangeError for a zone name the runtime does not know. */
export function createZone(timeZone: string): Zone {
  const fmt = wallClockFormat(timeZone);

  /** The zone's wall-clock reading at `ms`, expressed as if it were a UTC instant. */
  const wallClock = (ms: number): number => {
    const p: Record<string, number> = {};
    for (const part of fmt.formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    return Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  };
  const offsetAt = (ms: number): number => wallClock(ms) - Math.floor(ms / 1000) * 1000;
  const dayOf = (ms: number): number => Math.floor(wallClock(ms) / DAY_MS);

  const startOfDay = (day: number): number => {
    const local = day * DAY_MS;
    // The offsets a day either side cover at most one transition near this midnight.
    const candidates = [...new Set([offsetAt(local - DAY_MS), offsetAt(local), offsetAt(local + DAY_MS)])].map((o) => local - o);
    const exact = candidates.filter((c) => wallClock(c) === local);
    if (exact.length > 0) return Math.min(...exact);
    const sameDay = candidates.filter((c) => dayOf(c) === day);
    return sameDay.length > 0 ? Math.min(...sameDay) : Math.min(...candidates);
  };

  return { timeZone, dayOf, startOfDay };
}
