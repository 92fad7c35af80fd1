import { newEntry, tempIdFor, type Intent, type IntentLabel, type Props, type SyncedType } from '../../../shared/sync';
import { sameValue } from '../../../shared/sync';
import type { CsDatabase } from '../database';
import { recomputeOverlay } from '../overlay-tx';
import { mergeRecord, resolveId } from './records';

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
      recordId = await resolveId(db, edit.objectType, edit.recordId);
      const [synced, overlay] = await Promise.all([db.records(edit.objectType).get(recordId), db.overlay.get(`${edit.objectType}:${recordId}`)]);
      const shown = mergeRecord(edit.objectType, synced, overlay);
      if (!shown) throw new Error(`No ${edit.objectType} record ${recordId} to edit.`);
      const base: Props = {};
      const desired: Props = {};
      for (const [name, value] of Object.entries(edit.desired)) {
        const seen = shown.properties[name] ?? null;
        if (sameValue(seen, value)) continue;
        base[name] = seen;
        desired[name] = value;
      }
      if (Object.keys(desired).length)
        intents.push({ kind: 'update', label: edit.label ?? 'property-edit', objectType: edit.objectType, recordId, base, desired });
    } else if (edit.kind === 'create') {
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
