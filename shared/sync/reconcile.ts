import { hubspot } from '../hubspot';
import { chunk, fetchCall, PermanentSyncError } from './crm-calls';
import type { SyncContext } from './context';
import { TYPE_INFO, type SyncedType } from './object-types';
import type { AssociationBatch, AssociationRow } from './ports';
import { readAssociations } from './pull-associations';
import type { Props } from './values';

/**
 * What HubSpot does without announcing it. A GDPR delete, the recycle bin's purge after 90
 * days and a merge leave no trace that search or `archived=true` would show, and association
 * changes move no modified date. So once a day per type (jittered) the sync lists every id
 * the CRM still has and drops the rows we hold beyond them, then re-reads the associations
 * of what we hold. Merges also show at once: the survivor lists the merged-away ids in
 * `hs_merged_object_ids`, which the pull requests and the store follows.
 */

/** The survivor of a merge lists merged-away ids here, `;`-separated. */
export const MERGED_IDS_PROPERTY = 'hs_merged_object_ids';
/** The types HubSpot merges (its merge API exists for these). */
export const MERGEABLE_TYPES: readonly string[] = ['contacts', 'companies', 'deals', 'tickets'];
/** Association re-reads are applied in slices of this many held records. */
const ASSOC_SLICE = 1000;

/** Ids a record says were merged into it. */
export function mergedIds(properties: Props): string[] {
  const raw = properties[MERGED_IDS_PROPERTY];
  return typeof raw === 'string'
    ? raw
        .split(/[;,]/)
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}

/** Meta key holding when a type was last reconciled and when it is next due. */
export const reconcileKey = (type: string): string => `reconcile:${type}`;
export interface ReconcileMark {
  /** Client clock of the last reconcile (or of the bootstrap's end, which read everything). */
  lastAt: number;
  /** 0..1: where in ±10 % of the interval this type's next reconcile falls. */
  jitter: number;
  /** Rows the last reconcile removed. */
  removed: number;
}

/**
 * Local ids the CRM no longer has (to remove) and CRM ids we do not hold (the incremental
 * pull brings those; counted for the report). Temporary ids of unconfirmed creates are
 * never held as synced rows, so they cannot be here.
 */
export function reconcileDiff(localIds: Iterable<string>, remoteIds: Iterable<string>): { gone: string[]; missing: string[] } {
  const remote = new Set(remoteIds);
  const local = new Set(localIds);
  return { gone: [...local].filter((id) => !remote.has(id)), missing: [...remote].filter((id) => !local.has(id)) };
}

/**
 * The part of a fresh association read that differs from what we hold: the batch narrowed
 * to the records whose partner sets changed (undefined when none did). Type ids are not
 * compared: a pull stores only one direction's ids, and the sets are what HubSpot's silent
 * re-associations change.
 */
export function changedAssociations(fresh: AssociationBatch, held: readonly AssociationRow[]): AssociationBatch | undefined {
  const setOf = (rows: readonly AssociationRow[]) => {
    const m = new Map<string, Set<string>>();
    for (const r of rows) {
      let s = m.get(r.fromId);
      if (!s) m.set(r.fromId, (s = new Set()));
      s.add(r.toId);
    }
    return m;
  };
  const now = setOf(fresh.rows);
  const before = setOf(held.filter((r) => r.fromType === fresh.fromType && r.toType === fresh.toType));
  const same = (a = new Set<string>(), b = new Set<string>()) => a.size === b.size && [...a].every((x) => b.has(x));
  const ids = fresh.ids.filter((id) => !same(now.get(id), before.get(id)));
  if (!ids.length) return undefined;
  const keep = new Set(ids);
  return { ...fresh, ids, rows: fresh.rows.filter((r) => keep.has(r.fromId)) };
}

/**
 * A stable 0..1 jitter from the type and the time of the last reconcile: the interval is
 * stretched by ±10 % with it, so types (and computers) spread out instead of all listing
 * at once.
 */
export function reconcileJitter(type: string, at: number): number {
  let h = 2166136261;
  for (const c of `${type}:${at}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return (h >>> 0) / 4294967296;
}

/** Is a reconcile due? A clock that went backwards makes it due (the client clock only schedules). */
export function reconcileIsDue(mark: ReconcileMark, now: number, everyMs: number): boolean {
  return now < mark.lastAt || now - mark.lastAt >= everyMs * (0.9 + 0.2 * mark.jitter);
}

/**
 * Reconcile every type that is due. A type is first marked when its pull reached
 * incremental mode (the bootstrap just read everything), and reconciled once its mark
 * comes due.
 */
export async function reconcileDue(ctx: SyncContext, types: readonly SyncedType[], everyMs: number, now: () => number): Promise<number> {
  let removed = 0;
  for (const type of types) {
    const cursor = await ctx.store.getCursor(type);
    if (cursor?.mode !== 'incremental') continue;
    const mark = await ctx.store.getMeta<ReconcileMark>(reconcileKey(type));
    const t = now();
    if (mark && !reconcileIsDue(mark, t, everyMs)) continue;
    let n = 0;
    try {
      if (mark) n = await reconcileType(ctx, type);
    } catch (err) {
      // A type the CRM refuses (a missing scope) is reported by its pull; try again tomorrow.
      if (!(err instanceof PermanentSyncError)) throw err;
    }
    removed += n;
    await ctx.store.setMeta(reconcileKey(type), { lastAt: t, jitter: reconcileJitter(type, t), removed: n } satisfies ReconcileMark);
  }
  return removed;
}

/** One type: list live ids, drop what the CRM no longer has, re-read held records' associations. */
export async function reconcileType(ctx: SyncContext, type: SyncedType): Promise<number> {
  const remote = await listLiveIds(ctx, type);
  const held = await ctx.store.heldIds(type);
  const { gone } = reconcileDiff(held, remote.keys());
  if (gone.length) await ctx.store.removeRecords(type, gone);
  const keep = held.filter((id) => remote.has(id));
  const targets = TYPE_INFO[type].associationTargets;
  let done = 0;
  for (const slice of chunk(keep, ASSOC_SLICE)) {
    const batches: AssociationBatch[] = [];
    for (const target of targets) {
      const fresh = await readAssociations(ctx, type, target, slice);
      const changed = changedAssociations(fresh, await ctx.store.associationsOf(type, target, slice));
      if (changed) batches.push(changed);
    }
    // Only records whose associations differ are rewritten: every write makes open screens re-read.
    if (batches.length) await ctx.store.replaceAssociations(batches);
    done += slice.length;
    ctx.progress({ phase: 'archived', objectType: type, done, total: keep.length });
  }
  return gone.length;
}

/** Every live id of a type with its modified date: list pages of 100, one short property. */
async function listLiveIds(ctx: SyncContext, type: SyncedType): Promise<Map<string, string | null>> {
  const prop = TYPE_INFO[type].cursorProperty;
  const out = new Map<string, string | null>();
  let after: string | undefined;
  do {
    const page = await fetchCall(ctx.crm, hubspot.objects.list(type, { limit: ctx.tuning.listPageSize, properties: [prop], after }), ctx.now);
    for (const r of page.results) out.set(r.id, r.properties[prop] ?? null);
    after = page.paging?.next?.after;
  } while (after);
  return out;
}
