import { hubspot } from '../hubspot';
import { toSyncedRecord } from './batch';
import type { SyncedRecord } from './values';
import { fetchCall } from './crm-calls';
import type { SyncContext } from './context';
import { TYPE_INFO, type SyncedType } from './object-types';
import type { AssociationBatch, CursorState } from './ports';
import { readAssociations } from './pull-associations';
import { modifiedAt, readRecords } from './pull-common';

type Bootstrap = Extract<CursorState, { mode: 'bootstrap' }>;

/**
 * First load of a type through the list endpoint (no 10,000 cap, standard bucket; §13). The
 * list names one property (the cursor property), so its URL stays short however many properties
 * the portal defines; the records are then read with every property by `POST …/batch/read`, 100
 * ids a call, the list in the body (a real portal's catalogue in a query string is answered
 * 414). Before the first page we take a fence: the newest modification the CRM reports.
 * Anything changed while we page is newer than the fence, so the incremental pull that starts
 * at the fence catches it. Pages are gathered up to `bootstrapBatch` records; their
 * associations are then read in one batch per target, and everything commits in one transaction
 * together with the `after` of the next page, so a crash resumes at the first page not
 * committed (docs/sync-guarantees.md G10).
 */
export async function bootstrapType(ctx: SyncContext, type: SyncedType, properties: readonly string[], resume?: Bootstrap): Promise<number> {
  let state = resume ?? (await startBootstrap(ctx, type));
  const listed = TYPE_INFO[type].cursorProperty;
  let fetched = 0;
  for (;;) {
    const listedIds: string[] = [];
    let after = state.after;
    do {
      const page = await fetchCall(
        ctx.crm,
        hubspot.objects.list(type, { limit: ctx.tuning.listPageSize, properties: [listed], archived: false, after }),
        ctx.now,
      );
      listedIds.push(...page.results.map((r) => r.id));
      after = page.paging?.next?.after;
    } while (after && listedIds.length < ctx.tuning.bootstrapBatch);
    const records: SyncedRecord[] = await readRecords(ctx, type, listedIds, properties);
    const ids = records.map((r) => r.id);
    const associations: AssociationBatch[] = [];
    if (ids.length) for (const target of TYPE_INFO[type].associationTargets) associations.push(await readAssociations(ctx, type, target, ids));
    await ctx.checkpoint('pull:after-fetch');
    const done = state.done + records.length;
    const next: CursorState = after ? { ...state, after, done } : { objectType: type, mode: 'incremental', valueMs: Math.max(state.fenceMs, 0) };
    await ctx.store.applyPage(type, records, next, associations);
    await ctx.checkpoint('pull:after-apply');
    fetched += records.length;
    ctx.progress({ phase: 'bootstrap', objectType: type, done, ...(state.total !== undefined ? { total: Math.max(state.total, done) } : {}) });
    if (next.mode === 'incremental') return fetched;
    state = next;
  }
}

async function startBootstrap(ctx: SyncContext, type: SyncedType): Promise<Bootstrap> {
  const prop = TYPE_INFO[type].cursorProperty;
  const body = await fetchCall(
    ctx.crm,
    hubspot.objects.search(type, { filterGroups: [], sorts: [{ propertyName: prop, direction: 'DESCENDING' }], properties: [prop], limit: 1 }),
    ctx.now,
  );
  const newest = body.results[0];
  // An empty type fences at 0: its first incremental pass reads whatever appeared since.
  const fenceMs = newest ? modifiedAt(type, toSyncedRecord(newest)) : 0;
  return { objectType: type, mode: 'bootstrap', fenceMs, done: 0, total: body.total };
}
