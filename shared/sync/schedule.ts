import type { SyncedType } from './object-types';

/**
 * When each type is pulled: often what the user is looking at, rarely what nobody sees.
 * The whole team shares one portal budget (rate-budget.ts), so a laptop that nobody uses
 * must cost little, and one in use spends its share on the screen in front of the user.
 *
 * | state | types on screen | engagements not on screen | other records not on screen |
 * |---|---|---|---|
 * | window in use, on mains | ~1 min | 5–10 min | ~15 min |
 * | idle (no input for a while, window hidden, screen locked) or on battery | 30 min | 30 min | 30 min |
 * | the portal's daily budget is low | 60 min | 60 min | 60 min |
 *
 * Engagements (tasks, meetings, notes, calls, emails) are the team's daily traffic; companies,
 * contacts, deals and tickets off screen change less visibly, and each changed one costs a
 * read of its associations with up to eight types, so they wait longer.
 *
 * Every interval is drawn afresh after each pull of a type (jitter), so the laptops of a team
 * do not fall into step. Edits never wait for this: they are pushed at once.
 */
export interface Activity {
  /** The window is shown and had input recently (the host or page decides "recently"). */
  inUse: boolean;
  onBattery: boolean;
  /** Types the open screen shows; `'all'` when nobody said (hosts that report no activity). */
  onScreen: readonly string[] | 'all';
}

/** Before any host reports activity: every type about once a minute, the behaviour before the schedule. */
export const DEFAULT_ACTIVITY: Activity = { inUse: true, onBattery: false, onScreen: 'all' };

/** `[min, max]` of a jittered interval, in ms. */
export type Range = readonly [number, number];

export interface PollSchedule {
  onScreen: Range;
  /** Engagements not on screen, while the window is in use. */
  engagements: Range;
  /** Other records not on screen, while the window is in use. */
  records: Range;
  idle: Range;
  lowBudget: Range;
}

const MIN = 60_000;
export const DEFAULT_SCHEDULE: PollSchedule = {
  onScreen: [0.85 * MIN, 1.15 * MIN],
  engagements: [5 * MIN, 10 * MIN],
  records: [0.85 * 15 * MIN, 1.15 * 15 * MIN],
  idle: [0.85 * 30 * MIN, 1.15 * 30 * MIN],
  lowBudget: [0.85 * 60 * MIN, 1.15 * 60 * MIN],
};

/** A fixed interval for every type in every state (tests, and hosts that want the old fixed loop). */
export const fixedSchedule = (ms: number): PollSchedule => ({
  onScreen: [ms, ms],
  engagements: [ms, ms],
  records: [ms, ms],
  idle: [ms, ms],
  lowBudget: [ms, ms],
});

const ENGAGEMENTS: ReadonlySet<string> = new Set<SyncedType>(['tasks', 'meetings', 'notes', 'calls', 'emails']);

export type Tier = keyof PollSchedule;

/** Which row of the table a type is in now. */
export function tierOf(type: SyncedType, activity: Activity, dailyLow: boolean): Tier {
  if (dailyLow) return 'lowBudget';
  if (!activity.inUse || activity.onBattery) return 'idle';
  if (activity.onScreen === 'all' || activity.onScreen.includes(type)) return 'onScreen';
  return ENGAGEMENTS.has(type) ? 'engagements' : 'records';
}

/**
 * When a type pulled at `lastAt` is next due: its tier's range at the point `jitter` (0..1,
 * drawn after that pull). Recomputed whenever the activity changes, so a type the user just
 * opened, or a laptop coming back from idle, is due at once if its last pull is older than
 * the new interval.
 */
export function dueAt(lastAt: number, jitter: number, range: Range): number {
  return lastAt + range[0] + jitter * (range[1] - range[0]);
}

export function sameActivity(a: Activity, b: Activity): boolean {
  const screen = (s: Activity['onScreen']) => (s === 'all' ? 'all' : [...s].sort().join(','));
  return a.inUse === b.inUse && a.onBattery === b.onBattery && screen(a.onScreen) === screen(b.onScreen);
}
