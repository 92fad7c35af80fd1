import type { Criterion, HealthScore } from '../../../shared/health';
import type { ViewRecord } from '../../../shared/views';
import { NOW, TICKET_STATES } from './fixtures';

/**
 * A deliberately plain re-implementation of the health model for the operators and
 * activity kinds the property tests generate. It shares no code with shared/health or
 * shared/views: local midnights in Warsaw come from the 2026 rule written out by hand.
 */
const HOUR = 3_600_000;

/** Local midnight in Warsaw of the day `daysBack` days before 2026-11-27 (valid back to April 2026). */
export function warsawMidnight(daysBack: number): number {
  const utcMidnight = Date.UTC(2026, 10, 27 - daysBack);
  const summerTimeEnds = Date.UTC(2026, 9, 25); // days up to 25 Oct start in CEST (UTC+2)
  return utcMidnight - (utcMidnight <= summerTimeEnds ? 2 : 1) * HOUR;
}

const num = (v: string | null | undefined): number | undefined => (v !== null && v !== undefined && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : undefined);
const time = (v: string | null | undefined): number | undefined => (v ? Date.parse(v) : undefined);

function propertyHolds(c: Extract<Criterion, { kind: 'property' }>, r: ViewRecord): boolean {
  const f = c.filter;
  const raw = r.properties[f.property];
  const known = raw !== null && raw !== undefined && raw !== '';
  switch (f.operator) {
    case 'is_known':
      return f.property === 'nps_score' ? num(raw) !== undefined : known;
    case 'is_unknown':
      return f.property === 'nps_score' ? num(raw) === undefined : !known;
    case 'is_any_of':
      return known && (f.values ?? []).includes(raw);
    case 'is_none_of':
      return !(known && (f.values ?? []).includes(raw));
    case 'gte': {
      const n = num(raw);
      return n !== undefined && n >= Number(f.value);
    }
    case 'lte': {
      const n = num(raw);
      return n !== undefined && n <= Number(f.value);
    }
    case 'eq': {
      const n = num(raw);
      return n !== undefined && n === Number(f.value);
    }
    default:
      throw new Error(`reference does not know ${f.operator}`);
  }
}

export interface RefAccount {
  account: ViewRecord;
  related: Record<string, ViewRecord[]>;
}

function activityTimes(c: Exclude<Criterion, { kind: 'property' }>, a: RefAccount): Array<number | undefined> {
  const types = c.objectType === 'engagements' ? ['meetings', 'calls', 'emails', 'notes'] : [c.objectType];
  const out: Array<number | undefined> = [];
  for (const t of types) {
    for (const r of a.related[t] ?? []) {
      const p = r.properties;
      const at = t === 'meetings' ? (time(p.hs_meeting_start_time) ?? time(p.hs_timestamp)) : t === 'tickets' ? time(p.createdate) : time(p.hs_timestamp);
      const open =
        t === 'tasks' ? p.hs_task_status !== 'COMPLETED' : t === 'tickets' ? TICKET_STATES[p.hs_pipeline_stage as keyof typeof TICKET_STATES] === 'OPEN' : true;
      const state = c.state ?? 'any';
      if (state === 'open' && !open) continue;
      if (state === 'closed' && open) continue;
      if (state === 'overdue' && !(open && at !== undefined && at < NOW)) continue;
      const okWhere = (c.where ?? []).every((w) => (w.values ?? []).includes(p[w.property] ?? '\u0000'));
      if (okWhere) out.push(at);
    }
  }
  return out;
}

function criterionHolds(c: Criterion, a: RefAccount): boolean {
  if (c.kind === 'property') {
    if (c.objectType === 'companies') return propertyHolds(c, a.account);
    return (a.related[c.objectType] ?? []).some((r) => propertyHolds(c, r));
  }
  const times = activityTimes(c, a);
  const inWindow = (days: number) => times.filter((t) => t !== undefined && t >= warsawMidnight(days - 1) && t <= NOW).length;
  if (c.kind === 'recency') return inWindow(c.withinDays) > 0;
  const n = c.windowDays === undefined ? times.length : inWindow(c.windowDays);
  if (c.comparator === 'gte') return n >= c.count;
  if (c.comparator === 'lte') return n <= c.count;
  return n === c.count;
}

export function referenceScore(s: HealthScore, a: RefAccount): { score: number; status: string; groups: number[] } {
  const groups = s.groups.map((g) => {
    let sum = 0;
    for (const c of g.criteria) if (criterionHolds(c, a)) sum += c.points;
    if (sum < 0) return 0;
    if (sum > g.maxPoints) return g.maxPoints;
    return sum;
  });
  const score = groups.reduce((x, y) => x + y, 0);
  const status = score >= s.thresholds.healthy ? 'healthy' : score < s.thresholds.atRisk ? 'atRisk' : 'neutral';
  return { score, status, groups };
}
