import { assocTypeName } from '../schema/association-types';
import { OBJECT_TYPES, type ObjectType } from '../schema/object-types';
import { propertiesOf } from '../schema/registry';
import type { Store } from '../store/store';
import type { CrmRecord, HistoryEntry } from '../store/types';

export interface Shape {
  properties?: string[];
  withHistory?: string[];
  associations?: string[];
  /** Search returns different defaults from list/get. */
  search?: boolean;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** The properties a response carries: requested (null when unset) or the type's defaults. */
export function selectProperties(type: ObjectType, props: Record<string, string>, requested: string[] | undefined): Record<string, string | null> {
  const defs = propertiesOf(type);
  const names = requested && requested.length > 0 ? requested.filter((n) => defs?.has(n)) : type.defaultProperties;
  const out: Record<string, string | null> = {};
  for (const n of [...names, 'createdate', type.modifiedProperty, 'hs_object_id']) out[n] = props[n] ?? null;
  return out;
}

export function historyOf(record: CrmRecord, name: string): HistoryEntry[] {
  const h = record.history[name];
  if (h) return h;
  const value = record.props[name];
  return value === undefined ? [] : [{ value, timestamp: record.createdAt, sourceType: 'IMPORT' }];
}

/** HubSpot's SimplePublicObject(WithAssociations). */
export function recordJson(store: Store, record: CrmRecord, shape: Shape = {}): Record<string, unknown> {
  const type = store.schema.findType(record.type) ?? OBJECT_TYPES[0];
  if (!type) throw new Error('no object types');
  const out: Record<string, unknown> = {
    id: record.id,
    properties: selectProperties(type, record.props, shape.properties),
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
    archived: record.archived,
  };
  if (record.archivedAt) out.archivedAt = iso(record.archivedAt);
  if (shape.withHistory && shape.withHistory.length > 0) {
    const defs = propertiesOf(type);
    const hist: Record<string, unknown[]> = {};
    for (const n of shape.withHistory) {
      if (!defs?.has(n)) continue;
      hist[n] = historyOf(record, n).map((e) => ({ ...e, timestamp: iso(e.timestamp) }));
    }
    out.propertiesWithHistory = hist;
  }
  if (shape.associations && shape.associations.length > 0) {
    const assocs: Record<string, unknown> = {};
    for (const key of shape.associations) {
      const to = store.schema.findType(key);
      if (!to) continue;
      const results = store.assoc
        .list(type.name, record.id, to.name)
        .filter(([id]) => store.get(to.name, id)?.archived === false)
        .flatMap(([id, typeIds]) => typeIds.map((t) => ({ id, type: assocTypeName(type.singular, to.singular, t) })));
      if (results.length > 0) assocs[key] = { results };
    }
    if (Object.keys(assocs).length > 0) out.associations = assocs;
  }
  return out;
}
