import fc from 'fast-check';
import type { Criterion, HealthScore } from '../../../shared/health';
import type { ViewRecord } from '../../../shared/views';
import { DAY, NOW, iso } from './fixtures';

/** Random models use the operators the reference implements, on the demo CRM's property shapes. */
const propertyCriterion: fc.Arbitrary<Omit<Criterion, 'id'>> = fc.oneof(
  fc
    .record({
      points: fc.integer({ min: -40, max: 40 }),
      op: fc.constantFrom('gte', 'lte', 'eq'),
      v: fc.integer({ min: 0, max: 10 }),
      on: fc.constantFrom('companies', 'deals'),
    })
    .map(({ points, op, v, on }) => ({
      kind: 'property' as const,
      objectType: on,
      filter: { property: on === 'deals' ? 'amount' : 'nps_score', operator: op, value: String(v) },
      points,
    })),
  fc
    .record({
      points: fc.integer({ min: -40, max: 40 }),
      op: fc.constantFrom('is_any_of', 'is_none_of'),
      values: fc.subarray(['Good', 'Neutral', 'Bad'], { minLength: 1 }),
    })
    .map(({ points, op, values }) => ({
      kind: 'property' as const,
      objectType: 'companies',
      filter: { property: 'csm_sentiment', operator: op, values },
      points,
    })),
  fc
    .record({ points: fc.integer({ min: -40, max: 40 }), op: fc.constantFrom('is_known', 'is_unknown'), p: fc.constantFrom('nps_score', 'csm_sentiment') })
    .map(({ points, op, p }) => ({ kind: 'property' as const, objectType: 'companies', filter: { property: p, operator: op }, points })),
);

const activityBase = fc.oneof(
  fc.record({ objectType: fc.constantFrom('meetings', 'calls', 'engagements'), state: fc.constant(undefined), where: fc.constant(undefined) }),
  fc.record({ objectType: fc.constant('tasks'), state: fc.constantFrom('any', 'open', 'closed', 'overdue'), where: fc.constant(undefined) }),
  fc.record({
    objectType: fc.constant('tickets'),
    state: fc.constantFrom('any', 'open', 'closed'),
    where: fc.option(
      fc
        .subarray(['LOW', 'MEDIUM', 'HIGH', 'URGENT'], { minLength: 1 })
        .map((values) => [{ property: 'hs_ticket_priority', operator: 'is_any_of' as const, values }]),
      { nil: undefined },
    ),
  }),
);

const activityCriterion: fc.Arbitrary<Omit<Criterion, 'id'>> = fc.oneof(
  fc
    .record({
      base: activityBase,
      points: fc.integer({ min: -40, max: 40 }),
      comparator: fc.constantFrom('gte', 'lte', 'eq'),
      count: fc.integer({ min: 0, max: 4 }),
      windowDays: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
    })
    .map(({ base, ...c }) => strip({ ...base, kind: 'count' as const, ...c }) as Omit<Criterion, 'id'>),
  fc
    .record({ base: activityBase, points: fc.integer({ min: -40, max: 40 }), withinDays: fc.integer({ min: 1, max: 120 }) })
    .map(({ base, ...c }) => strip({ ...base, kind: 'recency' as const, ...c }) as Omit<Criterion, 'id'>),
);

function strip<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Group maxima: a random composition of 100. */
const maxima = fc.array(fc.integer({ min: 1, max: 99 }), { maxLength: 4 }).map((cuts) => {
  const points = [...new Set(cuts)].sort((a, b) => a - b);
  return [...points, 100].map((p, i) => p - (i === 0 ? 0 : (points[i - 1] ?? 0)));
});

export const scoreArb: fc.Arbitrary<HealthScore> = fc
  .record({
    maxima,
    criteria: fc.array(fc.array(fc.oneof(propertyCriterion, activityCriterion), { minLength: 1, maxLength: 4 }), { minLength: 5, maxLength: 5 }),
    atRisk: fc.integer({ min: 0, max: 60 }),
    gap: fc.integer({ min: 0, max: 40 }),
  })
  .map(({ maxima: ms, criteria, atRisk, gap }) => ({
    id: 'score',
    name: 'Random',
    segments: [],
    thresholds: { atRisk, healthy: Math.max(1, atRisk + gap) },
    groups: ms.map((maxPoints, gi) => ({
      id: `g${gi}`,
      name: `Group ${gi}`,
      maxPoints,
      criteria: (criteria[gi] ?? []).map((c, ci) => ({ ...c, id: `g${gi}c${ci}` }) as Criterion),
    })),
  }));

/** Times around the windows' edges: whole days and local midnights ± 1 ms are where bugs live. */
const instant = fc.oneof(
  fc.integer({ min: -130, max: 10 }).map((d) => NOW + d * DAY),
  fc.integer({ min: -130, max: 10 }).map((d) => Date.UTC(2026, 10, 27 + d) - 3_600_000),
  fc.integer({ min: -130, max: 10 }).map((d) => Date.UTC(2026, 10, 27 + d) - 3_600_000 - 1),
  fc.integer({ min: NOW - 130 * DAY, max: NOW + 10 * DAY }),
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 4 });

export const RELATED_TYPES = ['meetings', 'calls', 'emails', 'notes', 'tasks', 'tickets', 'deals'] as const;

export function relatedRecordArb(type: string, id: string): fc.Arbitrary<ViewRecord> {
  const props: Record<string, fc.Arbitrary<string | null>> = type === 'meetings'
    ? { hs_meeting_start_time: maybe(instant.map(iso)), hs_timestamp: maybe(instant.map(iso)) }
    : type === 'tickets'
      ? {
          createdate: maybe(instant.map(iso)),
          hs_pipeline_stage: fc.constantFrom('open1', 'open2', 'closed1'),
          hs_ticket_priority: maybe(fc.constantFrom('LOW', 'MEDIUM', 'HIGH', 'URGENT')),
        }
      : type === 'tasks'
        ? { hs_timestamp: maybe(instant.map(iso)), hs_task_status: maybe(fc.constantFrom('NOT_STARTED', 'WAITING', 'COMPLETED')) }
        : type === 'deals'
          ? { amount: maybe(fc.integer({ min: 0, max: 12 }).map(String)) }
          : { hs_timestamp: maybe(instant.map(iso)) };
  return fc.record(props).map((properties) => ({ id, properties }));
}

export function accountArb(id: string): fc.Arbitrary<ViewRecord> {
  return fc
    .record({
      nps_score: maybe(fc.oneof(fc.integer({ min: 0, max: 10 }).map(String), fc.constant('abc'))),
      csm_sentiment: maybe(fc.constantFrom('Good', 'Neutral', 'Bad')),
    })
    .map((properties) => ({ id, properties }));
}

export const relatedArb: fc.Arbitrary<Record<string, ViewRecord[]>> = fc.record(
  Object.fromEntries(
    RELATED_TYPES.map((t) => [
      t,
      fc.array(
        fc.integer({ min: 0, max: 1e6 }).chain((n) => relatedRecordArb(t, `${t}-${n}`)),
        { maxLength: 5 },
      ),
    ]),
  ),
);
