import type { SyncedType } from './object-types';
import { dueAt, sameActivity, tierOf, type Activity, type PollSchedule, type Range } from './schedule';

/** A pass also takes the types due within this share of their interval: fewer wake-ups, same requests. */
const COALESCE_SHARE = 0.1;
/**
 * After a change of activity (back at the desk, a meeting over, the charger plugged in) the
 * types not on screen that came due are spread over this long, by their own jitter: a team
 * leaving a meeting at 10:00 sharp does not pull everything at 10:00:00. The screen is pulled at once.
 */
const WAKE_SPREAD_MS = 60_000;

/** Which types are due for a pull, and when the next one is (client clock; see schedule.ts). */
export interface PullPlan {
  /** The types a scheduled pass pulls now: those due, and those due very soon (not ahead of their spread). */
  dueTypes(at: number): SyncedType[];
  /** When the first type is next due. */
  earliestDue(): number;
  /** A pass pulled `types` at `at`; `unavailable` are optional types the portal lacks. */
  pulled(types: readonly SyncedType[], at: number, unavailable: readonly SyncedType[]): void;
  /** The activity changed at `at`: false when the patch changes nothing. */
  setActivity(patch: Partial<Activity>, at: number): boolean;
}

export function createPullPlan(o: {
  plan: PollSchedule;
  types: readonly SyncedType[];
  random: () => number;
  dailyLow: () => boolean;
  activity: Activity;
}): PullPlan {
  let activity = o.activity;
  /** When the activity last changed (client clock). */
  let activityChangedAt = -Infinity;
  /** Per type: when it was last pulled (client clock) and where in its range the next pull falls. */
  const last = new Map<SyncedType, { at: number; jitter: number }>();
  /** Optional types the portal lacks: looked for again at the idle pace, not every minute. */
  const unavailable = new Set<SyncedType>();

  function rangeOf(type: SyncedType): Range {
    const tier = tierOf(type, activity, o.dailyLow());
    return o.plan[unavailable.has(type) && tier !== 'lowBudget' ? 'idle' : tier];
  }

  /**
   * When a type is due by its schedule, and the earliest it may go after a change of activity
   * (client clock); a type never pulled in this session is due now.
   */
  function dueOf(type: SyncedType): { due: number; notBefore: number } {
    const pull = last.get(type);
    if (!pull) return { due: -Infinity, notBefore: -Infinity };
    const due = Math.round(dueAt(pull.at, pull.jitter, rangeOf(type)));
    const onScreen = tierOf(type, activity, o.dailyLow()) === 'onScreen';
    return { due, notBefore: onScreen ? -Infinity : Math.round(activityChangedAt + pull.jitter * WAKE_SPREAD_MS) };
  }

  return {
    dueTypes: (at) =>
      o.types.filter((t) => {
        const { due, notBefore } = dueOf(t);
        return notBefore <= at && due - at <= COALESCE_SHARE * rangeOf(t)[0];
      }),
    earliestDue: () =>
      Math.min(
        ...o.types.map((t) => {
          const { due, notBefore } = dueOf(t);
          return Math.max(due, notBefore);
        }),
      ),
    pulled(types, at, missing) {
      for (const type of types) last.set(type, { at, jitter: o.random() });
      for (const type of types) unavailable.delete(type);
      for (const type of missing) unavailable.add(type);
    },
    setActivity(patch, at) {
      const next = { ...activity, ...patch };
      if (sameActivity(next, activity)) return false;
      activity = next;
      activityChangedAt = at;
      return true;
    },
  };
}
