import { compileFilterOf, filterEnv } from '../views/evaluate';
import type { ViewRecord } from '../views/context';
import { parseInstant } from '../views/wire';
import { createZone } from '../views/zone';
import type { AccountData, HealthContext } from './context';
import { ENGAGEMENT_TYPES } from './schema';
import type { ActivityType, CountCriterion, RecencyCriterion } from './schema';

/** The synced object types an activity type reads. */
export function relatedTypesOf(t: ActivityType): readonly string[] {
  return t === 'engagements' ? ENGAGEMENT_TYPES : [t];
}

/**
 * When an activity happened: a meeting's start, a ticket's creation, otherwise
 * `hs_timestamp` (a task's due date, a call's or note's time).
 */
export function activityTime(objectType: string, r: ViewRecord): number | undefined {
  const p = r.properties;
  if (objectType === 'meetings') return parseInstant(p.hs_meeting_start_time) ?? parseInstant(p.hs_timestamp);
  if (objectType === 'tickets') return parseInstant(p.createdate);
  return parseInstant(p.hs_timestamp);
}

export function isOpen(objectType: string, r: ViewRecord, ctx: HealthContext): boolean {
  const p = r.properties;
  if (objectType === 'tasks') return p.hs_task_status !== 'COMPLETED';
  if (objectType === 'tickets') {
    const state = ctx.ticketStageStates?.[p.hs_pipeline_stage ?? ''];
    return state ? state === 'OPEN' : !p.closed_date;
  }
  return true;
}

/** The first instant of "the last `days` days", which end with today in the user's zone. */
export function windowStart(days: number, ctx: Pick<HealthContext, 'now' | 'timeZone'>): number {
  const zone = createZone(ctx.timeZone);
  return zone.startOfDay(zone.dayOf(ctx.now) - days + 1);
}

type Activity = CountCriterion | RecencyCriterion;

/**
 * Parsed activity times, per record object, for account data that does not bring them
 * (`AccountData.activityTimes`; the HealthBook does): every criterion of every score reads
 * them, and parsing ISO strings dominated a full computation. Records are replaced, never
 * mutated, so a record object's time never goes stale; a WeakMap lets old ones be collected.
 */
export type TimeCache = WeakMap<ViewRecord, number | undefined>;

function cachedTime(cache: TimeCache, objectType: string, r: ViewRecord): number | undefined {
  if (cache.has(r)) return cache.get(r);
  const t = activityTime(objectType, r);
  cache.set(r, t);
  return t;
}

/**
 * Visits the matching records' times (state and `where` applied) until `visit` returns true.
 * Records without a time are visited with `undefined`. No arrays are built: this runs for
 * every criterion of every account.
 */
function compileVisitor(c: Activity, ctx: HealthContext, cache: TimeCache): (data: AccountData, visit: (time: number | undefined) => boolean) => void {
  const types = relatedTypesOf(c.objectType);
  const state = c.state ?? 'any';
  const tests = types.map((t) => {
    const env = filterEnv({ now: ctx.now, timeZone: ctx.timeZone, propertyTypes: ctx.propertyTypes[t] ?? {}, currentUserOwnerId: ctx.currentUserOwnerId });
    const where = (c.where ?? []).map((f) => compileFilterOf(f, env));
    return (r: ViewRecord, time: number | undefined): boolean => {
      if (state === 'open' && !isOpen(t, r, ctx)) return false;
      if (state === 'closed' && isOpen(t, r, ctx)) return false;
      if (state === 'overdue' && (!isOpen(t, r, ctx) || time === undefined || time >= ctx.now)) return false;
      return where.every((f) => f.test(r));
    };
  });
  return (data, visit) => {
    for (let i = 0; i < types.length; i++) {
      const t = types[i] as string;
      const test = tests[i] as (r: ViewRecord, time: number | undefined) => boolean;
      const records = data.related(t);
      const times = data.activityTimes?.(t);
      for (let j = 0; j < records.length; j++) {
        const r = records[j] as ViewRecord;
        const time = times ? times[j] : cachedTime(cache, t, r);
        if (test(r, time) && visit(time)) return;
      }
    }
  };
}

export function compileActivity(c: Activity, ctx: HealthContext, cache: TimeCache = new WeakMap()): (data: AccountData) => boolean {
  const visit = compileVisitor(c, ctx, cache);
  const inWindow = (from: number) => (t: number | undefined) => t !== undefined && t >= from && t <= ctx.now;
  if (c.kind === 'recency') {
    const within = inWindow(windowStart(c.withinDays, ctx));
    return (data) => {
      let found = false;
      visit(data, (t) => (found = within(t)));
      return found;
    };
  }
  const counts = c.windowDays === undefined ? () => true : inWindow(windowStart(c.windowDays, ctx));
  const { comparator, count } = c;
  return (data) => {
    let n = 0;
    // Stops as soon as the answer is known: "at least N" once N are found, "at most N" / "exactly N" once N+1 are.
    const stopAt = comparator === 'gte' ? count : count + 1;
    visit(data, (t) => {
      if (counts(t)) n++;
      return n >= stopAt;
    });
    return comparator === 'gte' ? n >= count : comparator === 'lte' ? n <= count : n === count;
  };
}
