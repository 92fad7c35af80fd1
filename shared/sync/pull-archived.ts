import { fetchCrm, OBJECTS } from './crm-calls';
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
    const res = await fetchCrm(
      ctx.crm,
      {
        method: 'GET',
        path: `${OBJECTS}/${type}`,
        query: { limit: String(ctx.tuning.listPageSize), archived: 'true', properties: 'hs_object_id', ...(after ? { after } : {}) },
      },
      ctx.now,
    );
    const body = (res.body ?? {}) as { results?: Array<{ id: string }>; paging?: { next?: { after?: string } } };
    const ids = (body.results ?? []).map((r) => String(r.id));
    if (ids.length) await ctx.store.removeRecords(type, ids);
    removed += ids.length;
    ctx.progress({ phase: 'archived', objectType: type, done: removed });
    after = body.paging?.next?.after;
  } while (after);
  return removed;
}
