import { hubspot } from '../hubspot';
import { fetchCall } from './crm-calls';
import type { SyncContext } from './context';
import type { SyncedType } from './object-types';

/**
 * Deletions are invisible to search (§13), so a periodic sweep lists the archived records
 * of a type (`archived=true` returns only those) and removes them locally. Removing is
 * idempotent, so each page is applied on its own and a crash just repeats the sweep.
 */
export async function sweepArchived(ctx: SyncContext, type: SyncedType): Promise<number> {
  let after: string | undefined;
  let removed = 0;
  do {
    const page = await fetchCall(
      ctx.crm,
      hubspot.objects.list(type, { limit: ctx.tuning.listPageSize, archived: true, properties: ['hs_object_id'], after }),
      ctx.now,
    );
    const ids = page.results.map((r) => r.id);
    if (ids.length) await ctx.store.removeRecords(type, ids);
    removed += ids.length;
    ctx.progress({ phase: 'archived', objectType: type, done: removed });
    after = page.paging?.next?.after;
  } while (after);
  return removed;
}
