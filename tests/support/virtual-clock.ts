import type { Clock } from '../../src-main/crm/rate-limiter';

/** A clock that only moves when someone sleeps: time-dependent logic without real waiting. */
export function virtualClock(start = 0): Clock & { slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}
