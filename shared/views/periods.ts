import type { RelativePeriod } from './kinds';
import { civilDate, dayNumber, weekday } from './zone';

/** A span of civil days, `from` inclusive, `to` exclusive. */
export interface DaySpan {
  from: number;
  to: number;
}

/**
 * The civil days a relative period covers, given today's civil day in the user's zone.
 * "Last N days" is the N days ending with today; "next N days" the N days starting today,
 * so neither leaves a gap around the current day.
 */
export function periodSpan(period: RelativePeriod, today: number, weekStartsOn: number): DaySpan {
  const { year, month } = civilDate(today);
  const quarterMonth = Math.floor((month - 1) / 3) * 3 + 1;
  switch (period) {
    case 'today':
      return { from: today, to: today + 1 };
    case 'yesterday':
      return { from: today - 1, to: today };
    case 'tomorrow':
      return { from: today + 1, to: today + 2 };
    case 'last_7_days':
      return { from: today - 6, to: today + 1 };
    case 'last_30_days':
      return { from: today - 29, to: today + 1 };
    case 'last_90_days':
      return { from: today - 89, to: today + 1 };
    case 'next_7_days':
      return { from: today, to: today + 7 };
    case 'next_30_days':
      return { from: today, to: today + 30 };
    case 'next_90_days':
      return { from: today, to: today + 90 };
    case 'this_week': {
      const from = today - ((weekday(today) - weekStartsOn + 7) % 7);
      return { from, to: from + 7 };
    }
    case 'this_month':
      return { from: dayNumber(year, month, 1), to: dayNumber(year, month + 1, 1) };
    case 'this_quarter':
      return { from: dayNumber(year, quarterMonth, 1), to: dayNumber(year, quarterMonth + 3, 1) };
    case 'last_quarter':
      return { from: dayNumber(year, quarterMonth - 3, 1), to: dayNumber(year, quarterMonth, 1) };
  }
}
