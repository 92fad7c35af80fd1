import { parseDateDay } from '../views/wire';
import { createZone } from '../views/zone';

/**
 * Renewals read the renewal-date property chosen at setup, a HubSpot `date` (a calendar day
 * stored as midnight UTC), so its day is compared with today in the user's zone, as the
 * views engine does ("next 30 days" = the 30 days starting today).
 */
export const RENEWAL_BUCKETS = ['overdue', 'next30', 'next60', 'next90'] as const;
export type RenewalBucket = (typeof RENEWAL_BUCKETS)[number];

/** Whole days from today to the renewal day (0 = today, negative = overdue), or undefined without a date. */
export function daysUntil(value: string | null | undefined, now: number, timeZone: string): number | undefined {
  return daysFrom(createZone(timeZone).dayOf(now), value);
}

/**
 * `daysUntil` with today's day number (`createZone(zone).dayOf(now)`) worked out once: for
 * a list, since finding the day in a zone is the costly part (Intl formatting).
 */
export function daysFrom(today: number, value: string | null | undefined): number | undefined {
  const day = parseDateDay(value);
  return day === undefined ? undefined : day - today;
}

/** The renewal's bucket; next60 holds days 30–59 and next90 days 60–89, so buckets do not overlap. */
export function renewalBucket(days: number | undefined): RenewalBucket | undefined {
  if (days === undefined) return undefined;
  if (days < 0) return 'overdue';
  if (days < 30) return 'next30';
  if (days < 60) return 'next60';
  if (days < 90) return 'next90';
  return undefined;
}
