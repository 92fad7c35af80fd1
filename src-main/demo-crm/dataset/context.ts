import { DateTime } from 'luxon';
import { createRng, type Rng } from '../prng';
import type { Store } from '../store/store';

export const DAY = 86_400_000;

/** Shared state of one generation run: PRNG, clock, "today" in the dataset's zone. */
export interface Gen {
  rng: Rng;
  /**
   * A second generator for values added after the dataset's shape was fixed (the contacts'
   * past sequence enrollments): drawing them from `rng` would shift every later draw and so
   * every record generated after them.
   */
  activityRng: Rng;
  store: Store;
  now: number;
  zone: string;
  /** Epoch ms at local midnight of `today + days`, plus `hour` local hours. */
  localDay(days: number, hour?: number, minute?: number): number;
  iso(ms: number): string;
  /** A time between `fromDays` and `toDays` days from now. */
  around(fromDays: number, toDays: number): number;
}

export function createGen(store: Store, seed: number, now: number, zone: string): Gen {
  const rng = createRng(seed);
  const today = DateTime.fromMillis(now, { zone }).startOf('day');
  return {
    rng,
    activityRng: createRng((seed ^ 0x5eed_feed) >>> 0),
    store,
    now,
    zone,
    localDay: (days, hour = 0, minute = 0) => today.plus({ days }).set({ hour, minute }).toMillis(),
    iso: (ms) => new Date(ms).toISOString(),
    around: (fromDays, toDays) => Math.round(now + (fromDays + rng() * (toDays - fromDays)) * DAY),
  };
}
