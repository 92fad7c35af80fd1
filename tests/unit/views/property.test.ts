import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateView, indexKey, operatorsFor, planQuery, RELATIVE_PERIODS, compileView } from '../../../shared/views';
import type { Filter, IndexKey, IndexRange, PropertyKind, View, ViewContext, ViewRecord } from '../../../shared/views';
import { refEvaluate } from './reference';

const DAY = 86_400_000;
const KINDS: Record<string, PropertyKind> = {
  t_name: 'string',
  t_phone: 'phone_number',
  n_amount: 'number',
  d_renewal: 'date',
  dt_last: 'datetime',
  dt_created: 'datetime',
  e_tier: 'enumeration',
  o_csm: 'owner',
  b_flag: 'bool',
};
const PROPS = Object.keys(KINDS);
const ZONES = ['Europe/Warsaw', 'America/New_York', 'Asia/Tokyo', 'America/Santiago', 'UTC', 'Asia/Kolkata'];
// Clocks near DST changes, month and quarter ends, and the brief's fixed instant.
const CLOCKS = [
  '2026-11-27T08:00:00Z',
  '2026-03-29T00:30:00Z',
  '2026-10-25T01:00:00Z',
  '2026-03-08T06:30:00Z',
  '2026-09-30T22:30:00Z',
  '2026-12-31T23:30:00Z',
  '2026-09-06T04:00:00Z',
].map(Date.parse);
const HALF_HOUR = 1_800_000;

const TEXTS = ['Acme', 'acme', 'ACME corp', 'Globex', 'globex inc', 'beta 10', 'beta 9', 'Ärzte', 'arzte', 'a'];
const NUMBERS = ['0', '-1', '1.5', '10', '10.0', '100', '1e2', '-0.5', '7'];
const OPTIONS = ['a', 'b', 'c', 'd'];
const OWNERS = ['1', '2', '3'];

type GenRecord = ViewRecord & { setAt?: number | undefined };

const blank = fc.constantFrom<string | null | undefined>('', null, undefined);
const isoDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
// Days and instants near the clock; instants on a 30-minute grid through `now`, so that
// zone midnights (all zones here have whole or half-hour offsets) and `now` are hit exactly.
const near = (now: number) => ({
  dayArb: fc.oneof(fc.integer({ min: -8, max: 8 }), fc.integer({ min: -130, max: 130 })).map((d) => Math.floor(now / DAY) + d),
  instantArb: fc.oneof(fc.integer({ min: -8 * 48, max: 8 * 48 }), fc.integer({ min: -130 * 48, max: 130 * 48 })).map((k) => now + k * HALF_HOUR),
});

const valueArbs = (now: number): Record<PropertyKind, fc.Arbitrary<string | null | undefined>> => {
  const { dayArb, instantArb } = near(now);
  return {
    string: fc.oneof(fc.constantFrom(...TEXTS), blank),
    phone_number: fc.oneof(fc.constantFrom('+48 22 123', '555-0100', '555'), blank),
    number: fc.oneof(fc.constantFrom(...NUMBERS, 'abc', ' 10 '), fc.integer({ min: -20, max: 120 }).map(String), blank),
    date: fc.oneof(
      dayArb.map(isoDay),
      dayArb.map((d) => String(d * DAY)),
      fc.constant('soon'),
      blank,
    ),
    datetime: fc.oneof(
      instantArb.map((ms) => new Date(ms).toISOString()),
      instantArb.map(String),
      instantArb.map((ms) => new Date(ms + 3_600_000).toISOString().replace('.000Z', '+01:00')),
      dayArb.map(isoDay),
      fc.constant('never'),
      blank,
    ),
    enumeration: fc.oneof(
      fc.subarray(OPTIONS, { minLength: 1 }).map((xs) => xs.join(';')),
      blank,
    ),
    owner: fc.oneof(fc.constantFrom(...OWNERS), blank),
    bool: fc.oneof(fc.constantFrom('true', 'false', 'TRUE', 'yes'), blank),
  };
};

const recordsArb = (now: number): fc.Arbitrary<GenRecord[]> => {
  const values = valueArbs(now);
  return fc.uniqueArray(
    fc.record({
      id: fc.integer({ min: 1, max: 10_000 }).map(String),
      properties: fc.record(
        Object.fromEntries(PROPS.map((p) => [p, values[KINDS[p] as PropertyKind]])) as Record<string, fc.Arbitrary<string | null | undefined>>,
      ),
      setAt: fc.option(near(now).instantArb, { nil: undefined }),
    }),
    { selector: (r) => r.id, minLength: 10, maxLength: 60 },
  );
};

function filterArb(property: string, kind: PropertyKind, now: number): fc.Arbitrary<Filter> {
  const { dayArb } = near(now);
  return fc.constantFrom(...operatorsFor(kind)).chain((operator): fc.Arbitrary<Filter> => {
    const base = { property, operator };
    const text = kind === 'string' || kind === 'phone_number';
    const pool = text ? [...TEXTS, '+48 22 123', 'c', 'ac', '22'] : kind === 'owner' ? [...OWNERS, '@me'] : OPTIONS;
    switch (operator) {
      case 'is':
      case 'is_not':
      case 'contains':
      case 'not_contains':
        return fc.constantFrom(...pool).map((value) => ({ ...base, value }));
      case 'is_any_of':
      case 'is_none_of':
        return fc.subarray(pool, { minLength: 1, maxLength: 3 }).map((values) => ({ ...base, values }));
      case 'eq':
      case 'neq':
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        return fc.constantFrom(...NUMBERS).map((value) => ({ ...base, value }));
      case 'between':
        if (kind === 'number') {
          return fc.tuple(fc.constantFrom(...NUMBERS), fc.constantFrom(...NUMBERS)).map(([a, b]) => {
            const [lo, hi] = Number(a) <= Number(b) ? [a, b] : [b, a];
            return { ...base, value: lo, highValue: hi };
          });
        }
        return fc.tuple(dayArb, dayArb).map(([a, b]) => ({ ...base, value: isoDay(Math.min(a, b)), highValue: isoDay(Math.max(a, b)) }));
      case 'on':
      case 'before':
      case 'after':
        return dayArb.map((d) => ({ ...base, value: isoDay(d) }));
      case 'in_period':
        return fc.constantFrom(...RELATIVE_PERIODS).map((value) => ({ ...base, value }));
      default:
        return fc.constant(base);
    }
  });
}

function viewArb(now: number): fc.Arbitrary<View> {
  const { dayArb } = near(now);
  const anyFilterArb: fc.Arbitrary<Filter> = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...PROPS).chain((p) => filterArb(p, KINDS[p] as PropertyKind, now)) },
    { weight: 1, arbitrary: filterArb('o_csm', 'datetime', now).map((f): Filter => ({ ...f, target: 'setAt' })) },
  );

  const dateRangeArb = fc.oneof(
    fc.constantFrom(...RELATIVE_PERIODS).map((period) => ({ period })),
    fc.tuple(dayArb, dayArb).map(([a, b]) => ({ period: 'custom' as const, from: isoDay(Math.min(a, b)), to: isoDay(Math.max(a, b)) })),
  );

  return fc
    .record({
      groups: fc.array(fc.array(anyFilterArb, { minLength: 1, maxLength: 2 }), { maxLength: 3 }),
      shared: sometimes(anyFilterArb, 1),
      createDate: sometimes(dateRangeArb, 3),
      lastActivity: sometimes(dateRangeArb, 3),
      sort: fc.option(fc.record({ property: fc.constantFrom(...PROPS), direction: fc.constantFrom<'asc' | 'desc'>('asc', 'desc') }), { nil: undefined }),
    })
    .map(({ groups, shared, createDate, lastActivity, sort }) => ({
      id: 'v',
      name: 'Random view',
      objectType: 'companies',
      // A filter repeated in every group gives the planner something to use.
      filterGroups: groups.map((filters) => ({ filters: shared ? [...filters, shared] : filters })),
      ...(createDate || lastActivity ? { quick: { ...(createDate ? { createDate } : {}), ...(lastActivity ? { lastActivity } : {}) } } : {}),
      ...(sort ? { sort } : {}),
      columns: [],
      sharing: 'private',
      ownerUserId: 'u',
    }));
}

const ctxArb: fc.Arbitrary<ViewContext> = fc
  .record({
    now: fc.tuple(fc.constantFrom(...CLOCKS), fc.integer({ min: -3, max: 3 })).map(([t, k]) => t + k * HALF_HOUR),
    timeZone: fc.constantFrom(...ZONES),
    me: fc.option(fc.constantFrom(...OWNERS), { nil: undefined }),
  })
  .map(({ now, timeZone, me }) => ({
    now,
    timeZone,
    propertyTypes: KINDS,
    ...(me ? { currentUserOwnerId: me } : {}),
    quickProperties: { createDate: 'dt_created', lastActivity: 'd_renewal' },
  }));

const withHistory = (ctx: ViewContext): ViewContext => ({ ...ctx, propertySetAt: (r) => (r as GenRecord).setAt });

/** IndexedDB's reading of a range over a (possibly multiEntry) index, written apart from the engine's. */
function readIndex(records: readonly GenRecord[], kind: PropertyKind, property: string, range: IndexRange): GenRecord[] {
  const hit = (k: IndexKey): boolean => {
    if ('equals' in range) return k === range.equals;
    if ('anyOf' in range) return range.anyOf.some((a) => a === k);
    if (typeof k !== 'number') return false;
    const aboveLower = range.lower === undefined || k > range.lower || (!range.lowerOpen && k === range.lower);
    const belowUpper = range.upper === undefined || k < range.upper || (!range.upperOpen && k === range.upper);
    return aboveLower && belowUpper;
  };
  return records.filter((r) => {
    const key = indexKey(kind, r.properties[property]);
    return key !== undefined && (Array.isArray(key) ? key : [key]).some(hit);
  });
}

/** `arb` once in `1 + absentWeight` draws, else undefined. */
function sometimes<T>(arb: fc.Arbitrary<T>, absentWeight: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: absentWeight, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
}

const ids = (rs: readonly ViewRecord[]): string[] => rs.map((r) => r.id);

const scenarioArb = ctxArb.chain((ctx) =>
  fc.record({ ctx: fc.constant(withHistory(ctx)), view: viewArb(ctx.now), records: recordsArb(ctx.now), indexes: fc.subarray(PROPS) }),
);

describe('property-based: the engine against a plain reference', () => {
  it('evaluateView equals the reference filter + sort', () => {
    let matched = 0;
    let selective = 0;
    fc.assert(
      fc.property(scenarioArb, ({ view, records, ctx }) => {
        const got = evaluateView(view, records, ctx);
        matched += got.length;
        if (got.length > 0 && got.length < records.length) selective++;
        expect(ids(got)).toEqual(ids(refEvaluate(view, records, ctx)));
      }),
      { seed: 42, numRuns: 300 },
    );
    // Guard against a generator whose views match nothing or everything.
    expect(selective).toBeGreaterThan(60);
    expect(matched).toBeGreaterThan(1000);
  });

  it('planQuery: index range ∩ residual equals the full evaluation', () => {
    let indexed = 0;
    fc.assert(
      fc.property(scenarioArb, ({ view, records, ctx, indexes }) => {
        const plan = planQuery(view, ctx, indexes);
        const candidates = plan.index && plan.range ? readIndex(records, KINDS[plan.index] as PropertyKind, plan.index, plan.range) : records;
        if (plan.index) indexed++;
        const { compare } = compileView(view, ctx);
        expect(ids(candidates.filter(plan.residual).sort(compare))).toEqual(ids(evaluateView(view, records, ctx)));
      }),
      { seed: 42, numRuns: 300 },
    );
    // The property means little if the planner never picked an index.
    expect(indexed).toBeGreaterThan(60);
  });
});
