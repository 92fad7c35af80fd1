import { hubspot, type SearchFilter } from '../hubspot';
import { toSyncedRecord } from './batch';
import { fetchCall } from './crm-calls';
import type { SyncContext } from './context';
import { associationPartners, TYPE_INFO, type SyncedType } from './object-types';
import type { AssociationBatch, CursorState } from './ports';
import { readAssociations } from './pull-associations';
import { modifiedAt } from './pull-common';

type Incremental = Extract<CursorState, { mode: 'incremental' }>;

type Filter = SearchFilter;

/**
 * Changes since the cursor, by search on the modified-date property (§13), as a keyset walk
 * rather than `after` paging: each page is a fresh query `modified ≥ t` where t is the last
 * timestamp of the previous page. Records below t are complete (the page is sorted and went
 * past them); ties at t are re-read and de-duplicated by id. This never pages past the
 * 10,000-result cap, and a record modified while we walk can only move forward, never out
 * of the window behind us. When a whole page shares one timestamp (HubSpot batch jobs stamp
 * thousands of records alike) the walk switches to `modified = t AND hs_object_id > last`
 * sorted by id, then continues after t. The query starts `overlapMs` before the cursor to
 * cover the search index's lag, and stops at server-now − settle when server time is known.
 */
export async function incrementalType(ctx: SyncContext, type: SyncedType, cursor: Incremental, properties: readonly string[]): Promise<number> {
  const prop = TYPE_INFO[type].cursorProperty;
  const partners = associationPartners(type);
  const serverNow = ctx.serverNow?.();
  const upper: Filter[] = serverNow !== undefined ? [{ propertyName: prop, operator: 'LTE', value: String(serverNow - ctx.tuning.settleMs) }] : [];
  let lo = Math.max(0, cursor.valueMs - ctx.tuning.overlapMs);
  let valueMs = cursor.valueMs;
  let tie: { t: number; lastId: string } | undefined;
  const seen = new Set<string>();
  let total: number | undefined;
  for (;;) {
    const filters: Filter[] = tie
      ? [
          { propertyName: prop, operator: 'EQ', value: String(tie.t) },
          { propertyName: 'hs_object_id', operator: 'GT', value: tie.lastId },
        ]
      : [{ propertyName: prop, operator: 'GTE', value: String(lo) }, ...upper];
    const body = await fetchCall(
      ctx.crm,
      hubspot.objects.search(type, {
        filterGroups: [{ filters }],
        sorts: [{ propertyName: tie ? 'hs_object_id' : prop, direction: 'ASCENDING' }],
        properties,
        limit: ctx.tuning.searchPageSize,
      }),
      ctx.now,
    );
    total ??= body.total;
    const records = body.results.map(toSyncedRecord);
    const full = records.length >= ctx.tuning.searchPageSize;
    const last = records[records.length - 1];
    if (last) {
      // The overlap re-reads records we already hold; only new versions cost association reads.
      const stored = await ctx.store.storedVersions(
        type,
        records.map((r) => r.id),
      );
      const changed = records.filter((r) => !stored[r.id] || Date.parse(r.updatedAt) > Date.parse(stored[r.id] ?? ''));
      const ids = changed.map((r) => r.id);
      // A record new to us has its associations read with every partner type; one we hold at an
      // older version only towards its few-partner targets (a company none, a contact its
      // companies): the many-partner side of a changed record is what the team's budget cannot
      // pay for every minute on every laptop, and a re-association there waits for the reconcile.
      const fresh = changed.filter((r) => !stored[r.id]).map((r) => r.id);
      const associations: AssociationBatch[] = [];
      for (const partner of partners) {
        const which = TYPE_INFO[type].associationTargets.includes(partner) ? ids : fresh;
        if (which.length) associations.push(await readAssociations(ctx, type, partner, which));
      }
      await ctx.checkpoint('pull:after-fetch');
      const reached = tie ? tie.t : modifiedAt(type, last);
      // The cursor moves even when nothing was new, so the same window is not walked again.
      if (ids.length || reached > valueMs) {
        valueMs = Math.max(valueMs, reached);
        await ctx.store.applyPage(type, changed, { objectType: type, mode: 'incremental', valueMs }, associations);
        await ctx.checkpoint('pull:after-apply');
      }
      for (const id of ids) seen.add(id);
      ctx.progress({ phase: 'incremental', objectType: type, done: seen.size, ...(total !== undefined ? { total: Math.max(total, seen.size) } : {}) });
    }
    if (tie) {
      if (full && last) tie.lastId = last.id;
      else {
        lo = tie.t + 1;
        tie = undefined;
      }
      continue;
    }
    if (!full || !last) return seen.size;
    const first = records[0] ?? last;
    if (modifiedAt(type, first) === modifiedAt(type, last)) tie = { t: modifiedAt(type, last), lastId: '0' };
    else lo = modifiedAt(type, last);
  }
}
