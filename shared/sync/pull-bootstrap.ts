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

/** One batch of a first load, read and not yet committed. */
interface Fetched {
  records: SyncedRecord[];
  associations: AssociationBatch[];
  /** The list's cursor after this batch; absent: the type is read in full. */
  after: string | undefined;
}

/**
 * First load of a type through the list endpoint (no 10,000 cap, standard bucket; §13). The
 * list names one property (the cursor property), so its URL stays short however many properties
 * the portal defines; the records are then read with every property by `POST …/batch/read`, 100
 * ids a call, the list in the body (a real portal's catalogue in a query string is answered
 * 414). Before the first page we take a fence: the newest modification the CRM reports.
 * Anything changed while we page is newer than the fence, so the incremental pull that starts
 * at the fence catches it. Pages are gathered up to `bootstrapBatch` records; their
 * associations are read in one batch per target, and everything commits in one transaction
 * together with the `after` of the next page, so a crash resumes at the first page not
 * committed (docs/sync-guarantees.md G10).
 *
 * Reads overlap, commits do not: a batch's record and association reads go out as soon as
 * its ids are listed, and the next batch is read while this one commits. Only the list pages
 * follow one another (each names the next). The gateway's limiter keeps the overlap inside the
 * rate limit; without it a first load waited for one answer at a time and for every commit.
 */
export async function bootstrapType(ctx: SyncContext, type: SyncedType, properties: readonly string[], resume?: Bootstrap): Promise<number> {
  let state = resume ?? (await startBootstrap(ctx, type));
  let fetched = 0;
  // A read ahead that fails while a commit runs is awaited (and thrown) at the next turn.
  const readAhead = (after: string | undefined) => {
    const p = fetchBatch(ctx, type, properties, after);
    p.catch(() => {});
    return p;
  };
  let reading = readAhead(state.after);
  for (;;) {
    const batch = await reading;
    if (batch.after !== undefined) reading = readAhead(batch.after);
    try {
      await ctx.checkpoint('pull:after-fetch');
      const done = state.done + batch.records.length;
      const next: CursorState =
        batch.after !== undefined ? { ...state, after: batch.after, done } : { objectType: type, mode: 'incremental', valueMs: Math.max(state.fenceMs, 0) };
      await ctx.store.applyPage(type, batch.records, next, batch.associations);
      await ctx.checkpoint('pull:after-apply');
      fetched += batch.records.length;
      ctx.progress({ phase: 'bootstrap', objectType: type, done, ...(state.total !== undefined ? { total: Math.max(state.total, done) } : {}) });
      if (next.mode === 'incremental') return fetched;
      state = next;
    } catch (err) {
      // The read ahead ends before the error leaves: nothing of this run outlives it.
      await reading.catch(() => {});
      throw err;
    }
  }
}

/**
 * Lists up to `bootstrapBatch` ids from `after` and reads their records and associations,
 * each read sent as soon as its ids are known. Records keep the list's order; ids the CRM no
 * longer has (archived meanwhile) are left out, with their associations.
 */
async function fetchBatch(ctx: SyncContext, type: SyncedType, properties: readonly string[], after: string | undefined): Promise<Fetched> {
  const listed: string[] = [];
  const reads: Promise<SyncedRecord[]>[] = [];
  let cursor = after;
  try {
    do {
      const page = await fetchCall(
        ctx.crm,
        hubspot.objects.list(type, { limit: ctx.tuning.listPageSize, properties: [TYPE_INFO[type].cursorProperty], archived: false, after: cursor }),
        ctx.now,
      );
      const ids = page.results.map((r) => r.id);
      listed.push(...ids);
      if (ids.length) {
        // Heard now: a read that fails while the next list page is awaited (a disconnect fails
        // both) would otherwise be an unhandled rejection until `allOf` below takes it.
        const read = readRecords(ctx, type, ids, properties);
        read.catch(() => {});
        reads.push(read);
      }
      cursor = page.paging?.next?.after;
    } while (cursor && listed.length < ctx.tuning.bootstrapBatch);
  } catch (err) {
    await Promise.allSettled(reads);
    throw err;
  }
  const linking = listed.length ? TYPE_INFO[type].associationTargets.map((target) => readAssociations(ctx, type, target, listed)) : [];
  const [records, links] = await Promise.all([allOf(reads), allOf(linking)]);
  const held = records.flat();
  const ids = new Set(held.map((r) => r.id));
  const associations = links.map((b) => ({ ...b, ids: b.ids.filter((id) => ids.has(id)), rows: b.rows.filter((r) => ids.has(r.fromId)) }));
  return { records: held, associations, after: cursor };
}

/** Every promise's value, or the first failure once all of them have ended (none left running). */
async function allOf<T>(promises: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
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
