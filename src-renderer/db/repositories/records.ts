import type { Props, SyncedRecord, SyncedType } from '../../../shared/sync';
import type { CsDatabase } from '../database';
import type { OverlayRow, RecordRow } from '../rows';

/** What the UI shows: the synced record with pending local values on top. */
export interface MergedRecord extends SyncedRecord {
  objectType: string;
  /** The record has pending intents (show the pending mark). */
  pending: boolean;
  /** Properties whose shown value is a pending local value. */
  pendingProperties: string[];
  /** Created locally, not yet confirmed by the CRM (its id is temporary). */
  isNew: boolean;
}

/** synced ⊕ overlay; pure so lists can merge rows they already read in bulk. */
export function mergeRecord(objectType: string, synced: RecordRow | undefined, overlay: OverlayRow | undefined): MergedRecord | undefined {
  if (!synced && !overlay?.isNew) return undefined;
  const base: SyncedRecord = synced ?? { id: overlay?.recordId ?? '', properties: {}, createdAt: '', updatedAt: '', archived: false };
  const properties: Props = { ...base.properties, ...(overlay?.properties ?? {}) };
  return {
    id: base.id,
    objectType,
    properties,
    createdAt: base.createdAt,
    updatedAt: base.updatedAt,
    archived: base.archived,
    pending: overlay !== undefined,
    pendingProperties: Object.keys(overlay?.properties ?? {}),
    isNew: !synced && (overlay?.isNew ?? false),
  };
}

/** Follow a temporary id to the CRM id once its create was confirmed. */
export async function resolveId(db: CsDatabase, type: string, id: string): Promise<string> {
  return (await db.remaps.get(`${type}:${id}`))?.realId ?? id;
}

export async function mergedRecord(db: CsDatabase, type: SyncedType | string, id: string): Promise<MergedRecord | undefined> {
  return db.transaction('r', [db.records(type), db.overlay, db.remaps], async () => {
    const real = await resolveId(db, type, id);
    const [synced, overlay] = await Promise.all([db.records(type).get(real), db.overlay.get(`${type}:${real}`)]);
    return mergeRecord(type, synced, overlay);
  });
}

/** Up to this many rows, their overlays are read by key; beyond it, the type's overlay is read whole. */
const MERGE_BY_KEY_MAX = 32;

/**
 * Merge a list of synced rows (already read through an index) with their overlays. The overlay
 * holds only the records with local changes still pending — a few, next to the thousands of
 * rows a list reads — so for a long list the type's overlay is read once through its index
 * and joined here: one lookup per row was thousands of IndexedDB requests on the main thread
 * (and as many ranges for a live query to track) every time a sync page touched the list.
 */
export async function mergeRows(db: CsDatabase, type: string, rows: readonly RecordRow[]): Promise<MergedRecord[]> {
  const key = (id: string) => `${type}:${id}`;
  const overlays =
    rows.length <= MERGE_BY_KEY_MAX
      ? await db.overlay.bulkGet(rows.map((r) => key(r.id)))
      : await db.overlay
          .where('objectType')
          .equals(type)
          .toArray()
          .then((all) => {
            const byKey = new Map(all.map((o) => [o.key, o]));
            return rows.map((r) => byKey.get(key(r.id)));
          });
  return rows.map((r, i) => mergeRecord(type, r, overlays[i]) as MergedRecord);
}

/** Records created locally and not yet confirmed: lists add them to what they show. */
export async function pendingCreates(db: CsDatabase, type: string): Promise<MergedRecord[]> {
  const rows = await db.overlay
    .where('objectType')
    .equals(type)
    .filter((o) => o.isNew)
    .toArray();
  return rows.map((o) => mergeRecord(type, undefined, o) as MergedRecord);
}
