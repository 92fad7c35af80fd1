import type { ViewContext, ViewRecord } from './context';
import type { PropertyKind } from './kinds';
import type { ViewSort } from './schema';
import { parseBool, parseInstant, parseNumber } from './wire';

export type SortKey = number | string | undefined;

function sortKeyOf(kind: PropertyKind, property: string): (r: ViewRecord) => SortKey {
  switch (kind) {
    case 'number':
      return (r) => parseNumber(r.properties[property]);
    case 'date':
    case 'datetime':
      return (r) => parseInstant(r.properties[property]);
    case 'bool':
      return (r) => {
        const b = parseBool(r.properties[property]);
        return b === undefined ? undefined : b ? 1 : 0;
      };
    default:
      return (r) => r.properties[property] || undefined;
  }
}

const byId = (a: ViewRecord, b: ViewRecord): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export interface Sorter {
  key(record: ViewRecord): SortKey;
  /** Compares precomputed keys; missing keys last in both directions, ties by id ascending. */
  compareKeys(a: ViewRecord, ka: SortKey, b: ViewRecord, kb: SortKey): number;
  /** Whether two keys tie (the records then go by id), whatever the direction. */
  sameKey(ka: SortKey, kb: SortKey): boolean;
}

/**
 * Numbers numerically, dates chronologically, text (and enumeration values) by a
 * base-sensitivity numeric collation. Without a sort, records come in id order.
 */
export function createSorter(sort: ViewSort | undefined, ctx: ViewContext): Sorter {
  if (!sort) return { key: () => undefined, compareKeys: (a, _ka, b) => byId(a, b), sameKey: () => true };
  const kind = ctx.propertyTypes[sort.property] ?? 'string';
  const collator = new Intl.Collator(ctx.locale, { sensitivity: 'base', numeric: true });
  const dir = sort.direction === 'asc' ? 1 : -1;
  return {
    key: sortKeyOf(kind, sort.property),
    compareKeys(a, ka, b, kb) {
      if (ka === undefined || kb === undefined) {
        if (ka !== kb) return ka === undefined ? 1 : -1;
        return byId(a, b);
      }
      const c = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : collator.compare(String(ka), String(kb));
      return c !== 0 ? Math.sign(c) * dir : byId(a, b);
    },
    sameKey(ka, kb) {
      if (ka === undefined || kb === undefined) return ka === kb;
      return typeof ka === 'number' && typeof kb === 'number' ? ka === kb : collator.compare(String(ka), String(kb)) === 0;
    },
  };
}

/**
 * Records sorted by `sorter` in one direction, in the other: reversed, with each run of tied
 * keys back in id order and the records without a key still last, as `compareKeys` orders them.
 * One pass instead of a sort: flipping a column's direction on a big table collates n - 1 pairs
 * instead of n log n.
 */
export function reverseSorted<R extends ViewRecord>(sorted: readonly R[], sorter: Sorter): R[] {
  const keys = sorted.map((r) => sorter.key(r));
  let keyed = keys.length;
  while (keyed > 0 && keys[keyed - 1] === undefined) keyed--;
  const out: R[] = [];
  for (let end = keyed - 1; end >= 0;) {
    let start = end;
    while (start > 0 && sorter.sameKey(keys[start - 1], keys[end])) start--;
    for (let i = start; i <= end; i++) out.push(sorted[i] as R);
    end = start - 1;
  }
  for (let i = keyed; i < sorted.length; i++) out.push(sorted[i] as R);
  return out;
}
