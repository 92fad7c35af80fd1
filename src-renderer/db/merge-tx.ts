import { intentRecordKey, recordKey, remapIntent, type RecordMerge, type StoredEntry } from '../../shared/sync';
import type { CsDatabase } from './database';
import { deleteMeta, getMeta, META, putMeta } from './meta';

/** Meta key of the recent edits that reached a survivor instead of the record they were made on. */
export const REDIRECTED_META = META.redirected.key;
const REDIRECTED_KEEP = 20;

/** A queued edit that the CRM applied to the survivor of a merge (shown in the outbox review). */
export interface RedirectedEdit {
  seq: number;
  label: string;
  objectType: string;
  loserId: string;
  survivorId: string;
  /** Client clock, display only. */
  at: number;
}

/** Does any queued intent name this record (on either side of an association)? */
export function mentions(e: StoredEntry, objectType: string, id: string): boolean {
  const i = e.intent;
  if (i.kind === 'update' || i.kind === 'create') return i.objectType === objectType && i.recordId === id;
  return (i.fromType === objectType && i.fromId === id) || (i.toType === objectType && i.toId === id);
}

/**
 * Apply a merge the CRM made (`loserId` absorbed by `survivorId`) to what we hold, inside the
 * caller's transaction (record table, associations, outbox, conflicts, remaps): the loser's
 * synced row goes, its associations move to the survivor, its queued edits and conflicts
 * are re-aimed at the survivor (marked `redirectedFrom`), and a remap lets screens that show
 * the old id follow it. Returns the record keys whose overlay must be recomputed.
 */
export async function absorbMergedTx(db: CsDatabase, m: RecordMerge): Promise<Set<string>> {
  const { objectType, loserId, survivorId } = m;
  const touched = new Set<string>([recordKey(objectType, loserId), recordKey(objectType, survivorId)]);
  await db.records(objectType).delete(loserId);

  const links = await db.associations.where('[fromType+fromId]').equals([objectType, loserId]).toArray();
  for (const a of links) {
    const back = await db.associations.get([a.toType, a.toId, a.fromType, a.fromId]);
    await db.associations.bulkDelete([
      [a.fromType, a.fromId, a.toType, a.toId],
      [a.toType, a.toId, a.fromType, a.fromId],
    ]);
    if (a.toType === objectType && a.toId === survivorId) continue;
    if (await db.associations.get([objectType, survivorId, a.toType, a.toId])) continue;
    await db.associations.bulkPut([
      { ...a, fromId: survivorId },
      { fromType: a.toType, fromId: a.toId, toType: objectType, toId: survivorId, typeIds: back?.typeIds ?? [] },
    ]);
  }

  for (const e of await db.outbox.toArray()) {
    if (!mentions(e, objectType, loserId)) continue;
    const intent = remapIntent(e.intent, objectType, loserId, survivorId);
    const key = intentRecordKey(intent);
    touched.add(e.recordKey);
    touched.add(key);
    await db.outbox.put({ ...e, intent, recordKey: key, redirectedFrom: { id: loserId, reason: 'merged' } });
  }

  for (const c of await db.conflicts.where('[objectType+recordId]').equals([objectType, loserId]).toArray()) {
    await db.conflicts.delete(c.key);
    await db.conflicts.put({ ...c, recordId: survivorId, key: `${objectType}:${survivorId}:${c.property}` });
  }

  await db.remaps.put({ key: recordKey(objectType, loserId), objectType, tempId: loserId, realId: survivorId });
  // A record we created (temporary id → loser) now lives on as the survivor too.
  await db.remaps
    .where('key')
    .startsWith(`${objectType}:`)
    .modify((r) => {
      if (r.realId === loserId) r.realId = survivorId;
    });
  return touched;
}

/** Remember that a redirected entry reached the survivor, for the outbox review (newest first). */
export async function noteRedirectedTx(db: CsDatabase, e: StoredEntry, at: number): Promise<void> {
  if (!e.redirectedFrom || e.intent.kind !== 'update') return;
  const list = (await getMeta(db, META.redirected)) ?? [];
  const item: RedirectedEdit = {
    seq: e.seq,
    label: e.intent.label,
    objectType: e.intent.objectType,
    loserId: e.redirectedFrom.id,
    survivorId: e.intent.recordId,
    at,
  };
  await putMeta(db, META.redirected, [item, ...list.filter((x) => x.seq !== e.seq)].slice(0, REDIRECTED_KEEP));
}

/** The recent redirected edits, newest first (the outbox review lists them). */
export async function listRedirected(db: CsDatabase): Promise<RedirectedEdit[]> {
  return (await getMeta(db, META.redirected)) ?? [];
}

/** The user has read them. */
export async function clearRedirected(db: CsDatabase): Promise<void> {
  await deleteMeta(db, META.redirected);
}
