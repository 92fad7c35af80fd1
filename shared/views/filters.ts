import type { ViewContext, ViewRecord } from './context';
import { ME } from './kinds';
import type { PropertyKind, RelativePeriod } from './kinds';
import { periodSpan } from './periods';
import type { DaySpan } from './periods';
import type { Filter } from './schema';
import { indexKey, parseInstant, parseIsoDay } from './wire';
import type { IndexKey } from './wire';
import { DAY_MS } from './zone';
import type { Zone } from './zone';

/**
 * A set of index keys, in the shape Dexie's WhereClause takes: `equals`, `anyOf`, or a
 * numeric interval (`between(lower, upper, !lowerOpen, !upperOpen)`, `above`, `below` …).
 */
export type IndexRange = { equals: IndexKey } | { anyOf: IndexKey[] } | { lower?: number; upper?: number; lowerOpen?: boolean; upperOpen?: boolean };

export interface CompiledFilter {
  test(record: ViewRecord): boolean;
  /**
   * Present when the filter holds exactly for records whose `indexKey` of the property lies
   * in this range; the planner may then answer it from an index instead of testing it.
   */
  range?: IndexRange;
}

export interface FilterEnv {
  ctx: ViewContext;
  zone: Zone;
  /** Today's civil day in the user's zone. */
  today: number;
}

export function keyInRange(key: IndexKey | IndexKey[] | undefined, range: IndexRange): boolean {
  if (key === undefined) return false;
  if (Array.isArray(key)) return key.some((k) => keyInRange(k, range));
  if ('equals' in range) return key === range.equals;
  if ('anyOf' in range) return range.anyOf.includes(key);
  if (typeof key !== 'number') return false;
  const { lower, upper, lowerOpen, upperOpen } = range;
  if (lower !== undefined && (lowerOpen ? key <= lower : key < lower)) return false;
  if (upper !== undefined && (upperOpen ? key >= upper : key > upper)) return false;
  return true;
}

/** A filter day as a civil day: `YYYY-MM-DD` as written, an instant by its day in the user's zone. */
function filterDay(v: string | undefined, zone: Zone): number {
  const iso = parseIsoDay(v);
  if (iso !== undefined) return iso;
  const ms = parseInstant(v);
  if (ms === undefined) throw new Error(`not a day: ${v ?? ''}`);
  return zone.dayOf(ms);
}

/** Index keys of a date property are midnight UTC of the day; of a datetime, instants. */
function spanRange(kind: PropertyKind, span: Partial<DaySpan>, zone: Zone): IndexRange {
  const at = (day: number): number => (kind === 'date' ? day * DAY_MS : zone.startOfDay(day));
  return {
    ...(span.from !== undefined ? { lower: at(span.from) } : {}),
    ...(span.to !== undefined ? { upper: at(span.to), upperOpen: true } : {}),
  };
}

/** The range of a positive operator, or undefined for operators that are not ranges. */
function positiveRange(filter: Filter, kind: PropertyKind, env: FilterEnv): IndexRange | undefined {
  const { value = '', values = [], highValue } = filter;
  const num = (s: string | undefined): number => Number(s);
  const text = kind === 'string' || kind === 'phone_number';
  switch (filter.operator) {
    case 'is':
      return { equals: value.toLowerCase() };
    case 'is_any_of': {
      if (text) return { anyOf: [...new Set(values.map((v) => v.toLowerCase()))] };
      const me = env.ctx.currentUserOwnerId;
      const resolved = kind === 'owner' ? values.flatMap((v) => (v === ME ? (me === undefined ? [] : [me]) : [v])) : values;
      return { anyOf: [...new Set(resolved)] };
    }
    case 'eq':
      return { equals: num(value) };
    case 'gt':
      return { lower: num(value), lowerOpen: true };
    case 'gte':
      return { lower: num(value) };
    case 'lt':
      return { upper: num(value), upperOpen: true };
    case 'lte':
      return { upper: num(value) };
    case 'between':
      if (kind === 'number') return { lower: num(value), upper: num(highValue) };
      return spanRange(kind, { from: filterDay(value, env.zone), to: filterDay(highValue, env.zone) + 1 }, env.zone);
    case 'on': {
      const d = filterDay(value, env.zone);
      return spanRange(kind, { from: d, to: d + 1 }, env.zone);
    }
    case 'before':
      return spanRange(kind, { to: filterDay(value, env.zone) }, env.zone);
    case 'after':
      return spanRange(kind, { from: filterDay(value, env.zone) + 1 }, env.zone);
    case 'in_period':
      return spanRange(kind, periodSpan(value as RelativePeriod, env.today, env.ctx.weekStartsOn ?? 1), env.zone);
    // A datetime is before now when it is earlier than now; a date when its whole day is over.
    case 'before_now':
      return kind === 'date' ? { upper: env.today * DAY_MS, upperOpen: true } : { upper: env.ctx.now, upperOpen: true };
    case 'after_now':
      return kind === 'date' ? { lower: env.today * DAY_MS } : { lower: env.ctx.now };
    case 'is_true':
      return { equals: 1 };
    case 'is_false':
      return { equals: 0 };
    default:
      return undefined;
  }
}

const NEGATION: Partial<Record<Filter['operator'], Filter['operator']>> = { is_not: 'is', neq: 'eq', is_none_of: 'is_any_of' };

/**
 * Compiles one filter, already checked by `checkFilter`. Negative operators (is not, ≠,
 * is none of, does not contain) are the exact complement of their positive twin, so they
 * also match records where the value is missing.
 */
export function compileFilter(filter: Filter, kind: PropertyKind, env: FilterEnv): CompiledFilter {
  const { property } = filter;
  const keyOf =
    filter.target === 'setAt'
      ? (r: ViewRecord): number | undefined => env.ctx.propertySetAt?.(r, property)
      : (r: ViewRecord) => indexKey(kind, r.properties[property]);
  const indexable = filter.target !== 'setAt';

  const negated = NEGATION[filter.operator];
  if (negated) {
    const positive = compileFilter({ ...filter, operator: negated }, kind, env);
    return { test: (r) => !positive.test(r) };
  }
  switch (filter.operator) {
    case 'is_known':
      return { test: (r) => keyOf(r) !== undefined };
    case 'is_unknown':
      return { test: (r) => keyOf(r) === undefined };
    case 'contains':
    case 'not_contains': {
      const needle = (filter.value ?? '').toLowerCase();
      const want = filter.operator === 'contains';
      return {
        test: (r) => {
          const key = keyOf(r);
          return (typeof key === 'string' && key.includes(needle)) === want;
        },
      };
    }
  }
  const range = positiveRange(filter, kind, env);
  if (!range) throw new Error(`operator ${filter.operator} has no evaluation`);
  return { test: (r) => keyInRange(keyOf(r), range), ...(indexable ? { range } : {}) };
}
