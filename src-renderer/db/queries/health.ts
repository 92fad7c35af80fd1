import Dexie from 'dexie';
import type { BookChange } from '../../../shared/health';
import { SYNCED_TYPES } from '../../../shared/sync';
import { propertyKindOf, type PropertyKind, type ViewRecord } from '../../../shared/views';
import type { CsDatabase } from '../database';
import { getMetaMany, META } from '../meta';
import { mergeRecord } from '../repositories/records';
import type { RecordRow } from '../rows';

/**
 * Read-side queries of health scores: the data a score reads (accounts, associated records,
 * associations, all synced ⊕ pending) as changes for the pure `HealthBook`, in full at start
 * and by key when Dexie reports what a transaction touched (`loadTouched`).
 */

/** A day's snapshot: account id → [score, status, score id], compact because it holds every account. */
export type HealthSnapshot = Record<string, [number, string, string]>;

/** The `YYYY-MM-DD` key of civil day `day` (a day number, shared/views/zone.ts), as snapshots are keyed. */
export const snapshotDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

export async function readSnapshots(db: CsDatabase, days: readonly string[]): Promise<Array<{ day: string; snapshot: HealthSnapshot }>> {
  const snaps = await getMetaMany(db, days.map(META.healthSnapshot));
  return snaps.flatMap((snapshot, i) => (snapshot && days[i] ? [{ day: days[i], snapshot }] : []));
}

export interface HealthReference {
  propertyTypes: Record<string, Record<string, PropertyKind>>;
  ticketStageStates: Record<string, 'OPEN' | 'CLOSED'>;
}

/** Property kinds per type and the ticket stages' open/closed state (pipelines metadata `ticketState`). */
export async function healthReference(db: CsDatabase): Promise<HealthReference> {
  const [props, pipelines] = await Promise.all([db.properties.toArray(), db.pipelines.where('objectType').equals('tickets').toArray()]);
  const propertyTypes: Record<string, Record<string, PropertyKind>> = {};
  for (const p of props) (propertyTypes[p.objectType] ??= {})[p.name] = propertyKindOf(p);
  const ticketStageStates: Record<string, 'OPEN' | 'CLOSED'> = {};
  for (const pl of pipelines) for (const s of pl.stages) ticketStageStates[s.id] = s.metadata.ticketState === 'CLOSED' ? 'CLOSED' : 'OPEN';
  return { propertyTypes, ticketStageStates };
}

const asRecord = (type: string, row: RecordRow | undefined, overlay: Parameters<typeof mergeRecord>[2]): ViewRecord | null => {
  const m = mergeRecord(type, row, overlay);
  return m && !m.archived ? { id: m.id, properties: m.properties } : null;
};

async function recordsOf(db: CsDatabase, type: string): Promise<BookChange[]> {
  const [rows, overlays] = await Promise.all([db.records(type).toArray(), db.overlay.where('objectType').equals(type).toArray()]);
  const byId = new Map(overlays.map((o) => [o.recordId, o]));
  const out: BookChange[] = rows.map((r) => ({ kind: 'record', objectType: type, id: r.id, record: asRecord(type, r, byId.get(r.id)) }));
  for (const o of overlays) if (o.isNew) out.push({ kind: 'record', objectType: type, id: o.recordId, record: asRecord(type, undefined, o) });
  return out;
}

/**
 * Associations made or removed offline (a create's associations too) live only in the outbox
 * until pushed; in outbox order, so the last intent per pair wins.
 */
export async function pendingLinks(db: CsDatabase, accountObject: string): Promise<Map<string, BookChange>> {
  const out = new Map<string, BookChange>();
  for (const e of await db.outbox.toArray()) {
    const i = e.intent;
    if (i.kind !== 'associate' && i.kind !== 'dissociate') continue;
    const linked = i.kind === 'associate';
    if (i.fromType === accountObject)
      out.set(`${i.toType}:${i.toId}:${i.fromId}`, { kind: 'link', accountId: i.fromId, objectType: i.toType, id: i.toId, linked });
    else if (i.toType === accountObject)
      out.set(`${i.fromType}:${i.fromId}:${i.toId}`, { kind: 'link', accountId: i.toId, objectType: i.fromType, id: i.fromId, linked });
  }
  return out;
}

/** Everything the scores read: accounts, records of `types`, and the accounts' associations to them. */
export async function loadAll(
  db: CsDatabase,
  accountObject: string,
  types: readonly string[],
): Promise<{ changes: BookChange[]; pending: Map<string, BookChange> }> {
  const synced = types.filter((t) => (SYNCED_TYPES as readonly string[]).includes(t));
  const lists = await Promise.all([accountObject, ...synced].map((t) => recordsOf(db, t)));
  const links = await db.associations.where('[fromType+fromId]').between([accountObject, Dexie.minKey], [accountObject, Dexie.maxKey]).toArray();
  const wanted = new Set(synced);
  const changes = lists.flat();
  for (const a of links) if (wanted.has(a.toType)) changes.push({ kind: 'link', accountId: a.fromId, objectType: a.toType, id: a.toId, linked: true });
  const pending = await pendingLinks(db, accountObject);
  changes.push(...pending.values());
  return { changes, pending };
}

/** Keys a transaction touched, per table; `'all'` when Dexie reported a range (a clear, a bulk delete). */
export type Touched = Map<string, Set<string | string[]> | 'all'>;

/**
 * The current state of what `touched` names, as changes: records re-read merged (overlay keys
 * are `type:id`), associations re-read by key (absent = removed).
 */
export async function loadTouched(db: CsDatabase, accountObject: string, touched: Touched): Promise<BookChange[]> {
  const out: BookChange[] = [];
  const recordIds = new Map<string, Set<string>>();
  const add = (type: string, id: string) => {
    let s = recordIds.get(type);
    if (!s) recordIds.set(type, (s = new Set()));
    s.add(id);
  };
  for (const [table, keys] of touched) {
    if (keys === 'all') continue;
    if ((SYNCED_TYPES as readonly string[]).includes(table)) for (const k of keys) add(table, String(k));
    if (table === 'overlay') {
      for (const k of keys) {
        const [type, ...rest] = String(k).split(':');
        if (type) add(type, rest.join(':'));
      }
    }
  }
  for (const [type, ids] of recordIds) {
    const list = [...ids];
    const [rows, overlays] = await Promise.all([db.records(type).bulkGet(list), db.overlay.bulkGet(list.map((id) => `${type}:${id}`))]);
    list.forEach((id, i) => out.push({ kind: 'record', objectType: type, id, record: asRecord(type, rows[i], overlays[i]) }));
  }
  const assoc = touched.get('associations');
  if (assoc && assoc !== 'all') {
    const keys = [...assoc].filter((k): k is string[] => Array.isArray(k) && k.length === 4).map((k) => k as [string, string, string, string]);
    const rows = await db.associations.bulkGet(keys);
    keys.forEach(([fromType, fromId, toType, toId], i) => {
      if (fromType === accountObject) out.push({ kind: 'link', accountId: fromId, objectType: toType, id: toId, linked: rows[i] !== undefined });
    });
  }
  return out;
}

const RELEVANT = new Set<string>([...SYNCED_TYPES, 'overlay', 'associations', 'outbox', 'properties', 'pipelines']);

interface TreeNode {
  from: unknown;
  to: unknown;
  l?: TreeNode | null;
  r?: TreeNode | null;
}

const sameKey = (a: unknown, b: unknown): boolean => a === b || (Array.isArray(a) && Array.isArray(b) && JSON.stringify(a) === JSON.stringify(b));

/** The keys of a Dexie interval tree, or 'all' when it holds a real range (a clear, a range delete). */
function keysOf(tree: unknown): Set<string | string[]> | 'all' {
  const out = new Set<string | string[]>();
  const stack: TreeNode[] = [];
  if (tree && typeof tree === 'object' && 'from' in tree) stack.push(tree as TreeNode);
  while (stack.length > 0) {
    const n = stack.pop() as TreeNode;
    if (!sameKey(n.from, n.to)) return 'all';
    out.add(n.from as string | string[]);
    if (n.l) stack.push(n.l);
    if (n.r) stack.push(n.r);
  }
  return out;
}

/**
 * Calls `onTouched` with the primary keys every committed transaction wrote to the tables
 * health reads, in this window or another (Dexie forwards the sync worker's commits over a
 * BroadcastChannel). Returns the unsubscribe function.
 */
export function watchTouched(db: CsDatabase, onTouched: (touched: Touched) => void): () => void {
  const prefix = `idb://${db.name}/`;
  const listener = (parts: Record<string, unknown>): void => {
    const touched: Touched = new Map();
    for (const [part, tree] of Object.entries(parts)) {
      if (!part.startsWith(prefix) || !part.endsWith('/')) continue;
      const table = part.slice(prefix.length, -1);
      if (!RELEVANT.has(table)) continue;
      touched.set(table, keysOf(tree));
    }
    if (touched.size > 0) onTouched(touched);
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}

const RENEWAL_SLICE_MS = 30 * 86_400_000;

/** Accounts renewing from `fromMs` (inclusive) to `toMs` (exclusive), synced ⊕ pending, by the renewal property. */
export async function renewalsBetween(db: CsDatabase, accountObject: string, renewalProperty: string, fromMs: number, toMs: number): Promise<ViewRecord[]> {
  const table = db.records(accountObject);
  // The index holds `renewal_date` only (index-fields.ts); another property means a scan. The
  // range is read a month at a time, in index order as one read would give: each read is its
  // own main-thread task, not one long one for every account renewing within the year (P5).
  let rows: RecordRow[] = [];
  if (renewalProperty !== 'renewal_date') rows = await table.toArray();
  else
    for (let from = fromMs; from < toMs; from += RENEWAL_SLICE_MS)
      rows = rows.concat(
        await table
          .where('renewalAt')
          .between(from, Math.min(from + RENEWAL_SLICE_MS, toMs), true, false)
          .toArray(),
      );
  const overlays = await db.overlay.where('objectType').equals(accountObject).toArray();
  const byId = new Map(overlays.map((o) => [o.recordId, o]));
  const seen = new Set(rows.map((r) => r.id));
  const extra = await table.bulkGet(
    overlays.filter((o) => !o.isNew && !seen.has(o.recordId) && o.properties[renewalProperty] !== undefined).map((o) => o.recordId),
  );
  const out: ViewRecord[] = [];
  for (const r of [...rows, ...extra]) {
    const rec = r ? asRecord(accountObject, r, byId.get(r.id)) : null;
    if (rec) out.push(rec);
  }
  return out;
}
