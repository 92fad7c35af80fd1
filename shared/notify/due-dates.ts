import { DAY_MS, wallClockFormat } from '../views/zone';

/**
 * Due times in the user's zone, with `Intl` only (DST-safe): reading an instant as wall
 * clock, and the instant of a wall-clock time. The Tasks tab reschedules and edits with
 * these; "tomorrow at the same time" stays at the same wall-clock time across a DST change.
 */

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function wallClockOf(ms: number, timeZone: string): WallClock {
  const p: Record<string, number> = {};
  for (const part of wallClockFormat(timeZone).formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { year: p.year ?? 1970, month: p.month ?? 1, day: p.day ?? 1, hour: p.hour ?? 0, minute: p.minute ?? 0 };
}

function offsetAt(ms: number, timeZone: string): number {
  const w = wallClockOf(ms, timeZone);
  const secs = new Date(ms).getUTCSeconds();
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, secs) - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant the zone's clocks read `w`. A time skipped by spring-forward gives the
 * instant after the gap (02:30 → 03:30); a repeated time gives the first of the two.
 */
export function zonedInstant(w: WallClock, timeZone: string): number {
  const local = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  const candidates = [...new Set([offsetAt(local - DAY_MS, timeZone), offsetAt(local, timeZone), offsetAt(local + DAY_MS, timeZone)])].map((o) => local - o);
  const exact = candidates.filter((c) => {
    const back = wallClockOf(c, timeZone);
    return Date.UTC(back.year, back.month - 1, back.day, back.hour, back.minute) === local;
  });
  if (exact.length) return Math.min(...exact);
  // In a spring-forward gap: the earlier offset maps the wall time past the gap.
  return Math.max(...candidates);
}

/** `<input type="datetime-local">` value of an instant in the zone: `YYYY-MM-DDTHH:mm`. */
export function toLocalInput(ms: number, timeZone: string): string {
  const w = wallClockOf(ms, timeZone);
  const pad = (n: number, l = 2) => String(n).padStart(l, '0');
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** The instant of a `datetime-local` value read in the zone; null when it is not one. */
export function fromLocalInput(value: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  return zonedInstant({ year, month, day, hour, minute }, timeZone);
}

export type RescheduleChoice = 'tomorrow' | 'in-2-days' | 'next-week';
const CHOICE_DAYS: Record<RescheduleChoice, number> = { tomorrow: 1, 'in-2-days': 2, 'next-week': 7 };

/**
 * The new due time of a quick reschedule: that many days after *today* (an overdue task
 * moved to "tomorrow" is due tomorrow), at the task's wall-clock time of day, or 09:00 when
 * it had none.
 */
export function rescheduledDue(choice: RescheduleChoice, dueAt: number | null, now: number, timeZone: string): number {
  const today = wallClockOf(now, timeZone);
  const time = dueAt === null ? { hour: 9, minute: 0 } : wallClockOf(dueAt, timeZone);
  const target = new Date(Date.UTC(today.year, today.month - 1, today.day + CHOICE_DAYS[choice]));
  return zonedInstant(
    { year: target.getUTCFullYear(), month: target.getUTCMonth() + 1, day: target.getUTCDate(), hour: time.hour, minute: time.minute },
    timeZone,
  );
}
