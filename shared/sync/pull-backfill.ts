import { chunk } from './crm-calls';
import type { SyncContext } from './context';
import type { SyncedType } from './object-types';
import { BATCH_READ_MAX, readRecords } from './pull-common';

/** Meta key: the properties every held row of a type was fetched with. */
export const syncedPropertiesKey = (type: string): string => `syncedProperties:${type}`;

/**
 * When the workspace starts using properties the held rows were not fetched with (a new
 * column, filter, health criterion, report…), read just those for every held row, 100 ids a
 * `batch/read`, with progress. Versions and cursors stay: a record that changed meanwhile is
 * newer than the cursor, and the incremental pull that follows reads it whole. An interrupted
 * backfill starts over on the next pass (the set is noted only when it is complete).
 * `wanted` is the pass's `propertiesToFetch`. Returns the number of rows backfilled.
 */
export async function backfillType(ctx: SyncContext, type: SyncedType, wanted: readonly string[]): Promise<number> {
  const key = syncedPropertiesKey(type);
  const held = await ctx.store.getMeta<string[]>(key);
  // Rows loaded before the app tracked this fetched every defined property.
  if (!held) return (void (await ctx.store.setMeta(key, wanted)), 0);
  const have = new Set(held);
  const missing = wanted.filter((p) => !have.has(p));
  if (!missing.length) {
    // Fewer used now: note it, so that using one again backfills it afresh.
    if (held.length !== wanted.length) await ctx.store.setMeta(key, wanted);
    return 0;
  }
  const ids = await ctx.store.heldIds(type);
  let done = 0;
  ctx.progress({ phase: 'backfill', objectType: type, done, total: ids.length });
  for (const group of chunk(ids, BATCH_READ_MAX)) {
    const records = await readRecords(ctx, type, group, missing);
    await ctx.store.mergeProperties(type, records, missing);
    done += group.length;
    ctx.progress({ phase: 'backfill', objectType: type, done, total: ids.length });
  }
  await ctx.store.setMeta(key, wanted);
  return ids.length;
}
