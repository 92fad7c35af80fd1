import type { SyncContext } from './context';
import { TYPE_INFO, type SyncedType } from './object-types';
import { toMillis, type SyncedRecord } from './values';

/** Every property the CRM defines for a type (stored reference data), else a fallback set. */
export async function propertiesToFetch(ctx: SyncContext, type: SyncedType): Promise<string[]> {
  const names = await ctx.store.propertyNames(type);
  return names.length ? names : [...TYPE_INFO[type].fallbackProperties];
}

/** The server timestamp a record was last modified at: what cursors are made of (G17). */
export function modifiedAt(type: SyncedType, r: SyncedRecord): number {
  return toMillis(r.properties[TYPE_INFO[type].cursorProperty]) ?? Date.parse(r.updatedAt);
}
