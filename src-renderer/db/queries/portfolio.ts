import type { Collection } from 'dexie';
import { toMillis } from '../../../shared/sync';
import { compileView, DAY_MS, planQuery, type IndexRange, type View, type ViewContext } from '../../../shared/views';
import type { CsDatabase } from '../database';
export { watchTables } from '../watch-tables';
import { mergeRecord, mergeRows, pendingCreates, type MergedRecord } from '../repositories/records';
import type { RecordRow } from '../rows';

/**
 * Read-side queries of the Portfolio tab and the record preview. Views are evaluated by
 * the pure engine; this file decides which rows to read so that a view narrowed by an
 * indexed property never reads the whole table (ARCHITECTURE.md, "Performance facts").
 */

/**
 * "Last activity date" as the index holds it: HubSpot's `notes_last_updated`, else the last
 * sales activity, else the last contact (index-fields.ts uses the same chain; the demo CRM
 * fills only `notes_last_contacted`). Views filter and sort on this derived property, so the
 * index answers the quick filter exactly.
 */
export const LAST_ACTIVITY = 'cs_last_activity';
const ACTIVITY_CHAIN = ['notes_last_updated', 'hs_last_sales_activity_timestamp', 'notes_last_contacted'];

function withDerived(r: MergedRecord): MergedRecord {
  const ms = ACTIVITY_CHAIN.map((k) => toMillis(r.properties[k])).find((v) => v !== undefined);
  if (ms !== undefined) r.properties[LAST_ACTIVITY] = String(ms);
  if (!r.properties.createdate && r.createdAt) r.properties.createdate = r.createdAt;
  return r;
}

/**
 * Which view properties have a Dexie index, and its field. The index fields are extracted
 * from fixed property names (index-fields.ts), so the CSM index only serves `csm_owner`.
 * `lastActivityAt` falls back to other activity stamps when `notes_last_updated` is empty,
 * so rows read through an index are always re-tested against the whole view below.
 */
export function indexedFields(csmProperty: string): Record<string, keyof RecordRow> {
  const fields: Record<string, keyof RecordRow> = { [LAST_ACTIVITY]: 'lastActivityAt', renewal_date: 'renewalAt' };
  if (csmProperty === 'csm_owner') fields.csm_owner = 'csmOwnerId';
  return fields;
}

function readRange(db: CsDatabase, objectType: string, field: string, range: IndexRange): Collection<RecordRow, string> {
  const where = db.records(objectType).where(field);
  if ('equals' in range) return where.equals(range.equals);
  if ('anyOf' in range) return where.anyOf(range.anyOf);
  const { lower, upper, lowerOpen, upperOpen } = range;
  if (lower !== undefined && upper !== undefined) return where.between(lower, upper, !lowerOpen, !upperOpen);
  if (lower !== undefined) return lowerOpen ? where.above(lower) : where.aboveOrEqual(lower);
  if (upper !== undefined) return upperOpen ? where.below(upper) : where.belowOrEqual(upper);
  return db.records(objectType).toCollection();
}

/**
 * Reads the rows of an index range. `anyOf` is answered by one `equals` read per key: Dexie
 * serves `equals` with a native getAll, but walks a cursor record by record for `anyOf`,
 * which is many times slower on thousands of rows.
 */
async function readRows(db: CsDatabase, objectType: string, field: string, range: IndexRange): Promise<RecordRow[]> {
  if (!('anyOf' in range)) return readRange(db, objectType, field, range).toArray();
  const keys = [...new Set(range.anyOf)];
  const parts = await Promise.all(keys.map((k) => db.records(objectType).where(field).equals(k).toArray()));
  if (parts.length === 1) return parts[0] ?? [];
  const byId = new Map<string, RecordRow>();
  for (const part of parts) for (const r of part) byId.set(r.id, r);
  return [...byId.values()];
}

export interface ViewResult {
  records: MergedRecord[];
  /** The index the plan used, or null for a full scan (shown in debugging, measured by the bench). */
  index: string | null;
}

/** Sets properties that are not in the store (e.g. the health status) on a merged record before the view tests it. */
export type Derive = (r: MergedRecord) => void;

/**
 * More merged rows than this are not kept: a book the size the targets are set for (50,000
 * accounts) is, in about 40 MB of the renderer's heap; a larger one is read again per view.
 */
const KEPT_ROWS = 60_000;
/** How many index ranges are kept: a view and its quick filter, and the counts beside them. */
const KEPT_RANGES = 4;

/**
 * The merged rows (synced ⊕ pending, derived properties set) of the index ranges views read
 * lately, or of a type's whole table, kept in memory until their owner calls `clear` — when the
 * type's table or the overlay is written. A filter or a count over a range already read is then
 * evaluated in memory: no IndexedDB read, no merge. Once the whole table is kept it answers
 * every range of its type (views re-test every row they are given), and the ranges go.
 */
export class KeptRows {
  private readonly kept = new Map<string, Promise<MergedRecord[]>>();

  clear(): void {
    this.kept.clear();
  }

  /** The rows of `type` in `range` (`null`: the whole table), kept or loaded by `load`. */
  read(type: string, range: { field: string; range: IndexRange } | null, load: () => Promise<MergedRecord[]>): Promise<MergedRecord[]> {
    const whole = JSON.stringify([type]);
    const key = range ? JSON.stringify([type, range.field, range.range]) : whole;
    const hit = this.kept.get(whole) ?? this.kept.get(key);
    if (hit && !this.kept.has(whole)) {
      // The last used goes last: the first kept is the first to go.
      this.kept.delete(key);
      this.kept.set(key, hit);
    }
    if (hit) return hit;
    const rows = load();
    this.kept.set(key, rows);
    if (this.kept.size > KEPT_RANGES) this.kept.delete(this.kept.keys().next().value as string);
    const mine = () => this.kept.get(key) === rows;
    rows.then(
      (r) => {
        if (!mine()) return;
        if (r.length > KEPT_ROWS) this.kept.delete(key);
        else if (key === whole) for (const other of [...this.kept.keys()]) if (other !== whole && other.startsWith(whole.slice(0, -1))) this.kept.delete(other);
      },
      () => mine() && this.kept.delete(key),
    );
    return rows;
  }
}

/**
 * The rows of an index range (or of the whole table), merged with their pending values. Rows
 * with pending local values are read by id as well, because the index holds the synced value
 * and a pending edit may move a record into the view; records created offline are added.
 */
async function mergedRange(db: CsDatabase, type: string, field: string | undefined, range: IndexRange | undefined): Promise<MergedRecord[]> {
  const rows = field && range ? await readRows(db, type, field, range) : await db.records(type).toArray();
  // The type's overlay rows are few (pending edits); merging in memory avoids one get per row.
  const overlays = await db.overlay.where('objectType').equals(type).toArray();
  const overlayById = new Map(overlays.map((o) => [o.recordId, o]));
  const seen = new Set(rows.map((r) => r.id));
  const extraIds = overlays.filter((o) => !o.isNew && !seen.has(o.recordId)).map((o) => o.recordId);
  const extra = (await db.records(type).bulkGet(extraIds)).filter((r): r is RecordRow => r !== undefined);
  const merged: MergedRecord[] = [];
  for (const r of [...rows, ...extra]) merged.push(withDerived(mergeRecord(type, r, overlayById.get(r.id)) as MergedRecord));
  for (const o of overlays) if (o.isNew) merged.push(withDerived(mergeRecord(type, undefined, o) as MergedRecord));
  return merged;
}

/**
 * How a view is read: `derive` sets properties the store does not hold; `kept` shares the rows
 * read; `pause` (the caller's yield to the event loop) is awaited after rows are read and merged
 * and again after they are tested, so that over a large book the merge, the evaluation and the
 * caller's use of the answer (a render) are separate tasks. Rows already kept are not paused for.
 */
export interface ReadOptions {
  derive?: Derive | undefined;
  kept?: KeptRows;
  pause?: () => Promise<void>;
}

/** The view's records, synced ⊕ pending, in the view's order. */
export async function queryView(db: CsDatabase, view: View, ctx: ViewContext, csmProperty: string, opts: ReadOptions = {}): Promise<ViewResult> {
  const type = view.objectType;
  const fields = indexedFields(csmProperty);
  const plan = planQuery(view, ctx, Object.keys(fields));
  const compiled = compileView(view, ctx);
  const field = plan.index ? fields[plan.index] : undefined;
  let read = false;
  const load = () => ((read = true), mergedRange(db, type, field, plan.range));
  const merged = opts.kept ? await opts.kept.read(type, field && plan.range ? { field, range: plan.range } : null, load) : await load();
  // Rows just read and merged: testing them, and the caller's use of the answer, wait for tasks of their own.
  const pause = read ? opts.pause : undefined;
  if (pause) await pause();
  if (opts.derive) for (const r of merged) opts.derive(r);
  const records = merged.filter((r) => !r.archived && compiled.matches(r)).sort(compiled.compare);
  if (pause) await pause();
  return { records, index: field ?? null };
}

/** Archived records are deleted locally (pull-archived.ts), so an unfiltered view is a native count. */
export async function countView(db: CsDatabase, view: View, ctx: ViewContext, csmProperty: string, opts: ReadOptions = {}): Promise<number> {
  const unfiltered = view.filterGroups.every((g) => g.filters.length === 0) && !view.quick?.createDate && !view.quick?.lastActivity;
  if (unfiltered) {
    const [synced, created] = await Promise.all([
      db.records(view.objectType).count(),
      db.overlay
        .where('objectType')
        .equals(view.objectType)
        .filter((o) => o.isNew === true)
        .count(),
    ]);
    return synced + created;
  }
  return (await queryView(db, view, ctx, csmProperty, opts)).records.length;
}

/**
 * Companies owned by `ownerId` modified since `sinceMs`: the only ones whose CSM property can
 * have been set since then (a property write bumps the record's modification date), so the
 * only ones whose history "Assigned in the last 30 days" needs. Found from the two indexes'
 * keys (my accounts', and the recently modified ones' a day wider, as the index compares the
 * ISO strings), so only those records are read, not all my accounts (12,500 in the large
 * book: a long main-thread task at Portfolio's cold open, docs/performance.md P5).
 */
export async function ownedModifiedSince(
  db: CsDatabase,
  objectType: string,
  ownerId: string,
  sinceMs: number,
): Promise<Array<{ id: string; updatedAt: string }>> {
  const table = db.records(objectType);
  const [mine, recent] = await Promise.all([
    table.where('csmOwnerId').equals(ownerId).primaryKeys(),
    table
      .where('updatedAt')
      .aboveOrEqual(new Date(sinceMs - DAY_MS).toISOString())
      .primaryKeys(),
  ]);
  const owned = new Set(mine);
  const rows = (await table.bulkGet(recent.filter((id) => owned.has(id)))).filter((r): r is RecordRow => r !== undefined);
  return rows.filter((r) => r.csmOwnerId === ownerId && (Date.parse(r.updatedAt) || 0) >= sinceMs).map((r) => ({ id: r.id, updatedAt: r.updatedAt }));
}

/** The ids of `toType` records associated with a record (rows are stored both ways). */
export async function associatedIds(db: CsDatabase, fromType: string, fromId: string, toType: string): Promise<string[]> {
  const rows = await db.associations.where('[fromType+fromId+toType]').equals([fromType, fromId, toType]).toArray();
  return [...new Set(rows.map((r) => r.toId))];
}

/**
 * Associated records of one type, synced ⊕ pending. Associations made offline live only in
 * the outbox until pushed, so pending associate/dissociate intents are folded in here.
 */
export async function associatedRecords(db: CsDatabase, fromType: string, fromId: string, toType: string, limit = 200): Promise<MergedRecord[]> {
  const ids = new Set(await associatedIds(db, fromType, fromId, toType));
  const pending = await db.outbox.toArray();
  for (const e of pending) {
    const i = e.intent;
    if (i.kind !== 'associate' && i.kind !== 'dissociate') continue;
    let other: string | undefined;
    if (i.fromType === fromType && i.fromId === fromId && i.toType === toType) other = i.toId;
    else if (i.toType === fromType && i.toId === fromId && i.fromType === toType) other = i.fromId;
    if (other === undefined) continue;
    if (i.kind === 'associate') ids.add(other);
    else ids.delete(other);
  }
  const list = [...ids].slice(0, limit);
  const rows = (await db.records(toType).bulkGet(list)).filter((r): r is RecordRow => r !== undefined);
  const found = new Set(rows.map((r) => r.id));
  const created = (await pendingCreates(db, toType)).filter((r) => ids.has(r.id) && !found.has(r.id));
  return [...(await mergeRows(db, toType, rows)), ...created].filter((r) => !r.archived);
}

export const TIMELINE_TYPES = ['notes', 'emails', 'calls', 'tasks', 'meetings'] as const;
export type TimelineType = (typeof TIMELINE_TYPES)[number];

export interface TimelineItem {
  objectType: TimelineType;
  record: MergedRecord;
  at: number;
}

/** When an activity happened: its timestamp, else (none, or no date such as "9999999999999999") when it was created. */
const at = (r: MergedRecord): number => toMillis(r.properties.hs_timestamp) ?? (Date.parse(r.createdAt) || 0);

/** Activities of a record, newest first, the first `limit` of them (the sidebar loads more on demand). */
export async function timeline(db: CsDatabase, fromType: string, fromId: string, limit: number): Promise<{ items: TimelineItem[]; total: number }> {
  const lists = await Promise.all(
    TIMELINE_TYPES.map(async (t) =>
      (await associatedRecords(db, fromType, fromId, t, 10_000)).map((record): TimelineItem => ({ objectType: t, record, at: at(record) })),
    ),
  );
  const all = lists.flat().sort((a, b) => b.at - a.at);
  return { items: all.slice(0, limit), total: all.length };
}

const NAME_PROPS: Record<string, string[]> = {
  companies: ['name', 'domain'],
  contacts: ['firstname', 'lastname', 'email'],
  deals: ['dealname'],
  tickets: ['subject'],
};

/** Local search by name for "associate with another record"; offline too. */
export async function searchByName(db: CsDatabase, objectType: string, text: string, limit = 20): Promise<MergedRecord[]> {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  const props = NAME_PROPS[objectType] ?? ['name'];
  const rows = await db
    .records(objectType)
    .filter((r) => !r.archived && props.some((p) => (r.properties[p] ?? '').toLowerCase().includes(q)))
    .limit(limit)
    .toArray();
  return mergeRows(db, objectType, rows);
}
