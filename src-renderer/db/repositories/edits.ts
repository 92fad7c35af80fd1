import { foldOverlay, newEntry, tempIdFor, type Intent, type IntentLabel, type Props, type StoredEntry, type SyncedType } from '../../../shared/sync';
import { sameValue } from '../../../shared/sync';
import type { CsDatabase } from '../database';
import { recomputeOverlay } from '../overlay-tx';
import { mergeRecord, resolveId, type MergedRecord } from './records';

export type EditRequest =
  | { kind: 'update'; objectType: SyncedType; recordId: string; desired: Props; label?: IntentLabel }
  | { kind: 'create'; objectType: SyncedType; properties: Props; associations?: Array<{ toType: SyncedType; toId: string }>; label?: IntentLabel }
  | { kind: 'associate' | 'dissociate'; fromType: SyncedType; fromId: string; toType: SyncedType; toId: string };

export interface EditResult {
  /** Outbox rows written (empty when the edit changed nothing). */
  seqs: number[];
  /** The record's id: for a create, its temporary id until the CRM confirms it. */
  recordId?: string;
}

export interface EditOptions {
  now?: () => number;
  newClientId?: () => string;
}

/**
 * THE write path of the UI. The overlay row and the outbox row commit in one transaction with
 * strict durability, and only then does the promise resolve: an edit shown as saved is on disk,
 * and a failure leaves neither (docs/sync-guarantees.md G1). The base of an update is read
 * inside the same transaction from what the user sees (synced ⊕ overlay), so a concurrent pull
 * cannot slip between the read and the write. Storage errors reject; nothing is swallowed (G2).
 */
export async function applyEdit(db: CsDatabase, edit: EditRequest, opts: EditOptions = {}): Promise<EditResult> {
  const now = opts.now ?? (() => Date.now());
  const types = edit.kind === 'update' || edit.kind === 'create' ? [edit.objectType] : [edit.fromType, edit.toType];
  return db.transaction('rw', [db.outbox, db.overlay, db.remaps, ...types.map((t) => db.records(t))], async () => {
    const intents: Intent[] = [];
    let recordId: string | undefined;
    if (edit.kind === 'update') {
      // One round of reads in the usual case (no temporary id to follow): the remap, the row, the
      // overlay and the record's outbox rows together; a stage drop waits on each round (P6).
      const key = `${edit.objectType}:${edit.recordId}`;
      const [remap, row, over, prior] = await Promise.all([
        db.remaps.get(key),
        db.records(edit.objectType).get(edit.recordId),
        db.overlay.get(key),
        db.outbox.where('recordKey').equals(key).toArray(),
      ]);
      if (!remap) return commitUpdate(db, edit, edit.recordId, now(), mergeRecord(edit.objectType, row, over), prior);
      const real = remap.realId;
      const realKey = `${edit.objectType}:${real}`;
      const [synced, overlay, entries] = await Promise.all([
        db.records(edit.objectType).get(real),
        db.overlay.get(realKey),
        db.outbox.where('recordKey').equals(realKey).toArray(),
      ]);
      return commitUpdate(db, edit, real, now(), mergeRecord(edit.objectType, synced, overlay), entries);
    }
    if (edit.kind === 'create') {
      const clientId = opts.newClientId?.() ?? crypto.randomUUID();
      recordId = tempIdFor(clientId);
      intents.push({ kind: 'create', label: edit.label ?? 'create', objectType: edit.objectType, recordId, clientId, properties: edit.properties });
      for (const a of edit.associations ?? []) {
        intents.push({
          kind: 'associate',
          label: 'associate',
          fromType: edit.objectType,
          fromId: recordId,
          toType: a.toType,
          toId: await resolveId(db, a.toType, a.toId),
        });
      }
    } else {
      const fromId = await resolveId(db, edit.fromType, edit.fromId);
      const toId = await resolveId(db, edit.toType, edit.toId);
      intents.push({ kind: edit.kind, label: edit.kind, fromType: edit.fromType, fromId, toType: edit.toType, toId });
    }
    const seqs: number[] = [];
    const keys: string[] = [];
    for (const intent of intents) {
      const entry = newEntry(intent, now());
      seqs.push(await db.outbox.add(entry));
      keys.push(entry.recordKey);
    }
    await recomputeOverlay(db, keys);
    return { seqs, ...(recordId ? { recordId } : {}) };
  });
}

/**
 * An update's intent — only the properties whose shown value (synced ⊕ overlay, read in the
 * same transaction) differs — written to the outbox, and the record's overlay folded from its
 * outbox rows read before plus this one, as `recomputeOverlay` would read them back.
 */
async function commitUpdate(
  db: CsDatabase,
  edit: Extract<EditRequest, { kind: 'update' }>,
  recordId: string,
  at: number,
  shown: MergedRecord | undefined,
  prior: StoredEntry[],
): Promise<EditResult> {
  if (!shown) throw new Error(`No ${edit.objectType} record ${recordId} to edit.`);
  const base: Props = {};
  const desired: Props = {};
  for (const [name, value] of Object.entries(edit.desired)) {
    const seen = shown.properties[name] ?? null;
    if (sameValue(seen, value)) continue;
    base[name] = seen;
    desired[name] = value;
  }
  if (!Object.keys(desired).length) return { seqs: [], recordId };
  const entry = newEntry({ kind: 'update', label: edit.label ?? 'property-edit', objectType: edit.objectType, recordId, base, desired }, at);
  // The new entry folds last: IndexedDB numbers it after every stored one. The overlay does not
  // hold the numbers, so both writes leave together (a stage drop waits on each round trip, P6).
  const state = foldOverlay([...prior, { ...entry, seq: Number.POSITIVE_INFINITY }]);
  const key = entry.recordKey;
  const [seq] = await Promise.all([
    db.outbox.add(entry),
    state ? db.overlay.put({ key, objectType: edit.objectType, recordId, ...state }) : db.overlay.delete(key),
  ]);
  return { seqs: [seq], recordId };
}
