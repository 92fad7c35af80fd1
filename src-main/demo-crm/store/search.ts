import { type HttpError, validation } from '../http/errors';
import type { ObjectType } from '../schema/object-types';
import type { PropertyDef } from '../schema/properties';
import { propertiesOf } from '../schema/registry';
import type { CrmRecord, IndexedState } from './types';
import { comparable, parseTime } from './values';

export interface Filter {
  propertyName: string;
  operator: string;
  value?: unknown;
  highValue?: unknown;
  values?: unknown[];
}

const OPERATORS = new Set([
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
]);
export const SEARCH_LIMITS = { groups: 5, filtersPerGroup: 10, filtersTotal: 25 };

/** Rejects what HubSpot rejects: unknown operators/properties and too many groups or filters. */
export function checkFilterGroups(type: ObjectType, groups: unknown): Filter[][] {
  if (groups === undefined) return [];
  if (!Array.isArray(groups)) throw validation('Invalid input JSON: "filterGroups" must be an array');
  const out = groups.map((g) => {
    const filters = (g as { filters?: unknown })?.filters ?? [];
    if (!Array.isArray(filters)) throw validation('Invalid input JSON: "filters" must be an array');
    return filters as Filter[];
  });
  const total = out.reduce((n, f) => n + f.length, 0);
  if (out.length > SEARCH_LIMITS.groups || out.some((f) => f.length > SEARCH_LIMITS.filtersPerGroup) || total > SEARCH_LIMITS.filtersTotal) {
    throw validation(
      `The request exceeds the limits of filterGroups: at most ${SEARCH_LIMITS.groups} filterGroups, ${SEARCH_LIMITS.filtersPerGroup} filters in each group and ${SEARCH_LIMITS.filtersTotal} filters in total (got ${out.length} groups, ${total} filters).`,
      undefined,
      { filterGroups: [String(out.length)], filters: [String(total)] },
    );
  }
  const defs = propertiesOf(type);
  for (const f of out.flat()) {
    if (!f || typeof f.propertyName !== 'string' || !OPERATORS.has(String(f.operator))) {
      throw validation(`Invalid filter: ${JSON.stringify(f)}. operator must be one of ${[...OPERATORS].join(', ')}`);
    }
    if (!defs?.has(f.propertyName))
      throw validation(`Property ${f.propertyName} does not exist on ${type.name}`, [
        { message: `Unknown property ${f.propertyName}`, code: 'PROPERTY_DOESNT_EXIST', context: { propertyName: [f.propertyName] } },
      ]);
    checkOperands(f, defs.get(f.propertyName));
  }
  return out;
}

const filterError = (f: Filter, message: string, code = 'INVALID_FILTER'): HttpError =>
  validation(`Invalid filter on ${f.propertyName}: ${message}`, [{ message, code, context: { propertyName: [f.propertyName], operator: [f.operator] } }]);

const isScalar = (v: unknown): boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** Each operator's operands are present and, for date properties, real dates. */
function checkOperands(f: Filter, def: PropertyDef | undefined): void {
  const operands: unknown[] = [];
  switch (f.operator) {
    case 'HAS_PROPERTY':
    case 'NOT_HAS_PROPERTY':
      return;
    case 'IN':
    case 'NOT_IN':
      if (!Array.isArray(f.values) || f.values.length === 0 || !f.values.every(isScalar)) {
        throw filterError(f, `${f.operator} needs "values": a non-empty array of values.`);
      }
      operands.push(...f.values);
      break;
    case 'BETWEEN':
      if (!isScalar(f.value) || !isScalar(f.highValue)) throw filterError(f, 'BETWEEN needs "value" and "highValue".');
      operands.push(f.value, f.highValue);
      break;
    default:
      if (!isScalar(f.value)) throw filterError(f, `${f.operator} needs "value".`);
      operands.push(f.value);
  }
  if (def?.type === 'date' || def?.type === 'datetime') {
    const bad = operands.find((v) => Number.isNaN(parseTime(String(v))));
    if (bad !== undefined) throw filterError(f, `${String(bad)} is not a valid date: use epoch milliseconds or ISO-8601 (years 0001-9999).`, 'INVALID_DATE');
  }
}

function filterValue(def: PropertyDef | undefined, raw: unknown): number | string {
  const s = String(raw ?? '');
  if (def && (def.type === 'date' || def.type === 'datetime')) return parseTime(s);
  return comparable(def, s);
}

const tokens = (s: string): string[] =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

function tokenMatch(value: string, pattern: string): boolean {
  const re = new RegExp(
    `^${pattern
      .toLowerCase()
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')}$`,
  );
  const whole = pattern.includes(' ') || pattern.includes('@') || pattern.includes('.');
  return whole ? re.test(value.toLowerCase()) : tokens(value).some((t) => re.test(t));
}

export function matchesFilter(type: ObjectType, props: Record<string, string>, f: Filter): boolean {
  const def = propertiesOf(type).get(f.propertyName);
  const raw = props[f.propertyName];
  const has = raw !== undefined && raw !== '';
  const v = has ? comparable(def, raw) : undefined;
  const target = (): number | string => filterValue(def, f.value);
  switch (f.operator) {
    case 'HAS_PROPERTY':
      return has;
    case 'NOT_HAS_PROPERTY':
      return !has;
    case 'EQ':
      return has && v === target();
    case 'NEQ':
      return !has || v !== target();
    case 'LT':
      return has && (v as number) < (target() as number);
    case 'LTE':
      return has && (v as number) <= (target() as number);
    case 'GT':
      return has && (v as number) > (target() as number);
    case 'GTE':
      return has && (v as number) >= (target() as number);
    case 'BETWEEN':
      return has && (v as number) >= (target() as number) && (v as number) <= (filterValue(def, f.highValue) as number);
    case 'IN':
      return has && (f.values ?? []).some((x) => filterValue(def, x) === v);
    case 'NOT_IN':
      return !has || !(f.values ?? []).some((x) => filterValue(def, x) === v);
    case 'CONTAINS_TOKEN':
      return has && tokenMatch(raw, String(f.value ?? ''));
    case 'NOT_CONTAINS_TOKEN':
      return !has || !tokenMatch(raw, String(f.value ?? ''));
    default:
      return false;
  }
}

/** Free-text `query`: every query word must prefix a word of one of the type's searchable properties. */
export function matchesQuery(type: ObjectType, props: Record<string, string>, query: string): boolean {
  const words = tokens(query);
  if (words.length === 0) return true;
  const hay = type.searchable.flatMap((p) => tokens(props[p] ?? ''));
  return words.every((w) => hay.some((h) => h.startsWith(w)));
}

export interface Sort {
  propertyName: string;
  descending: boolean;
}

/** One sort (HubSpot honours the first): `{ propertyName, direction }` or the string form `"prop"` / `"-prop"`. */
export function parseSort(type: ObjectType, sorts: unknown): Sort | undefined {
  if (sorts === undefined) return undefined;
  if (!Array.isArray(sorts)) throw validation('Invalid input JSON: "sorts" must be an array');
  const first: unknown = sorts[0];
  if (first === undefined) return undefined;
  let sort: Sort;
  if (typeof first === 'string') sort = { propertyName: first.replace(/^-/, ''), descending: first.startsWith('-') };
  else {
    const s = (typeof first === 'object' && first !== null ? first : {}) as { propertyName?: unknown; direction?: unknown };
    if (typeof s.propertyName !== 'string') throw validation('Invalid sort: propertyName is required');
    if (s.direction !== undefined && s.direction !== 'ASCENDING' && s.direction !== 'DESCENDING') {
      throw validation(`Invalid sort direction ${JSON.stringify(s.direction)}: use ASCENDING or DESCENDING`, [
        { message: `Invalid sort direction ${JSON.stringify(s.direction)}`, code: 'INVALID_SORT', context: { propertyName: [s.propertyName] } },
      ]);
    }
    sort = { propertyName: s.propertyName, descending: s.direction === 'DESCENDING' };
  }
  if (!propertiesOf(type).has(sort.propertyName)) {
    throw validation(`Cannot sort by ${sort.propertyName}: the property does not exist on ${type.name}`, [
      { message: `Unknown property ${sort.propertyName}`, code: 'PROPERTY_DOESNT_EXIST', context: { propertyName: [sort.propertyName] } },
    ]);
  }
  return sort;
}

export function sortRecords(type: ObjectType, rows: { record: CrmRecord; props: Record<string, string> }[], sort: Sort | undefined): void {
  const def = sort ? propertiesOf(type).get(sort.propertyName) : undefined;
  rows.sort((a, b) => {
    if (sort) {
      const x = a.props[sort.propertyName];
      const y = b.props[sort.propertyName];
      if (x !== y) {
        if (x === undefined) return 1;
        if (y === undefined) return -1;
        const cx = comparable(def, x);
        const cy = comparable(def, y);
        if (cx !== cy) return (cx < cy ? -1 : 1) * (sort.descending ? -1 : 1);
      }
    }
    return Number(a.record.id) - Number(b.record.id);
  });
}

/**
 * The record as the search index sees it at `mono` (monotonic ms): a write younger than its
 * drawn lag is not indexed yet, so search sees the state before it (null: not created yet).
 * Reads by id, list and batch read never go through this. With the lag switched off
 * (`lagOn` false) every write is visible at once, including ones still pending.
 */
export function indexedView(record: CrmRecord, mono: number, lagOn: boolean): IndexedState {
  if (lagOn && record.indexLag && mono < record.indexLag.visibleAt) return record.indexLag.before;
  return { props: record.props, archived: record.archived };
}

/**
 * Records when search will see a write made at `mono` with a drawn lag of `lagMs`: HubSpot's
 * index trails in real time, whatever `/__demo/clock` says the portal's time is. Several
 * writes inside one lag window: search keeps seeing the state before the first until the
 * last of them is indexed.
 */
export function markIndexLag(record: CrmRecord, mono: number, lagMs: number, before: IndexedState): void {
  const visibleAt = mono + lagMs;
  if (record.indexLag && mono < record.indexLag.visibleAt) record.indexLag.visibleAt = Math.max(record.indexLag.visibleAt, visibleAt);
  else record.indexLag = { visibleAt, before };
}
