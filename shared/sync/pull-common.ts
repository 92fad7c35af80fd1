import { hubspot } from '../hubspot';
import { toSyncedRecord } from './batch';
import { chunk, fetchCall } from './crm-calls';
import type { SyncContext } from './context';
import { TYPE_INFO, type SyncedType } from './object-types';
import { MERGEABLE_TYPES, MERGED_IDS_PROPERTY } from './reconcile';
import { toMillis, type SyncedRecord } from './values';

/** Object batch endpoints take up to 100 inputs (docs/hubspot-api.md §3). */
export const BATCH_READ_MAX = 100;

/**
 * The properties fetched for a type: those the workspace uses (its code and its
 * configuration, StorePort.usedProperties), never a portal's whole catalogue; the fallback
 * set before any are known. Always the id and the cursor property, and for the types HubSpot
 * merges `hs_merged_object_ids`, so a merge shows at once.
 */
export async function propertiesToFetch(ctx: SyncContext, type: SyncedType): Promise<string[]> {
  const used = await ctx.store.usedProperties(type);
  const out = new Set(used.length ? used : TYPE_INFO[type].fallbackProperties);
  out.add('hs_object_id');
  out.add(TYPE_INFO[type].cursorProperty);
  if (MERGEABLE_TYPES.includes(type)) out.add(MERGED_IDS_PROPERTY);
  return [...out];
}

/**
 * The records `ids` with `properties`, by `POST …/batch/read`: the property list travels in
 * the body, so hundreds of properties never make a request line HubSpot refuses (414). Ids
 * the CRM no longer has (archived meanwhile) come back as per-item errors and are left out;
 * the archived sweep removes them locally. Results keep the order of `ids`.
 */
export async function readRecords(ctx: SyncContext, type: SyncedType, ids: readonly string[], properties: readonly string[]): Promise<SyncedRecord[]> {
  const byId = new Map<string, SyncedRecord>();
  for (const group of chunk(ids, BATCH_READ_MAX)) {
    const answer = await fetchCall(ctx.crm, hubspot.objects.batchRead(type, group, properties), ctx.now);
    for (const r of answer.results) byId.set(r.id, toSyncedRecord(r));
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The server timestamp a record was last modified at: what cursors are made of
 * (docs/sync-guarantees.md G17).
 */
export function modifiedAt(type: SyncedType, r: SyncedRecord): number {
  return toMillis(r.properties[TYPE_INFO[type].cursorProperty]) ?? Date.parse(r.updatedAt);
}
