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
}

/**
 * Numbers numerically, dates chronologically, text (and enumeration values) by a
 * base-sensitivity numeric collation. Without a sort, records come in id order.
 */
export function createSorter(sort: ViewSort | undefined, ctx: ViewContext): Sorter {
  if (!sort) return { key: () => undefined, compareKeys: (a, _ka, b) => byId(a, b) };
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
  };
}
