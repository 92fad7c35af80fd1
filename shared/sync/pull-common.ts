import type { SyncContext } from './context';
import { TYPE_INFO, type SyncedType } from './object-types';
import { MERGEABLE_TYPES, MERGED_IDS_PROPERTY } from './reconcile';
import { toMillis, type SyncedRecord } from './values';

/**
 * Every property the CRM defines for a type (stored reference data), else a fallback set;
 * for the types HubSpot merges always `hs_merged_object_ids`, so a merge shows at once.
 */
export async function propertiesToFetch(ctx: SyncContext, type: SyncedType): Promise<string[]> {
  const names = await ctx.store.propertyNames(type);
  const out = names.length ? names : [...TYPE_INFO[type].fallbackProperties];
  return MERGEABLE_TYPES.includes(type) && !out.includes(MERGED_IDS_PROPERTY) ? [...out, MERGED_IDS_PROPERTY] : out;
}

/** The server timestamp a record was last modified at: what cursors are made of (G17). */
export function modifiedAt(type: SyncedType, r: SyncedRecord): number {
  return toMillis(r.properties[TYPE_INFO[type].cursorProperty]) ?? Date.parse(r.updatedAt);
}
