import type { Props, StoredEntry } from '../../../shared/sync';
import type { CsDatabase } from '../database';
import { recomputeOverlay } from '../overlay-tx';

/** What waits in the outbox, by state, and the unresolved conflicts: the status bar's counts. */
export interface OutboxCounts {
  pending: number;
  attention: number;
  conflicts: number;
}

export async function pendingCounts(db: CsDatabase): Promise<OutboxCounts> {
  return db.transaction('r', [db.outbox, db.conflicts], async () => ({
    pending: await db.outbox.where('status').equals('pending').count(),
    attention: await db.outbox.where('status').equals('attention').count(),
    conflicts: await db.conflicts.count(),
  }));
}

/** The outbox view: every entry in send order, pending and needing attention. */
export function listOutbox(db: CsDatabase): Promise<StoredEntry[]> {
  return db.outbox.orderBy('seq').toArray();
}

/**
 * Send an entry that needs attention again, optionally with a fix (e.g. the property a
 * stage requires). New properties get their base from what the user sees now.
 */
export async function retryEntry(db: CsDatabase, seq: number, fix: Props = {}): Promise<void> {
  const entry = await db.outbox.get(seq);
  if (!entry) throw new Error(`Outbox entry ${seq} no longer exists.`);
  const type = entry.intent.kind === 'update' || entry.intent.kind === 'create' ? entry.intent.objectType : entry.intent.fromType;
  await db.transaction('rw', [db.outbox, db.overlay, db.records(type)], async () => {
    const e = await db.outbox.get(seq);
    if (!e) return;
    const intent = e.intent;
    if (intent.kind === 'update' && Object.keys(fix).length) {
      const synced = await db.records(intent.objectType).get(intent.recordId);
      const base = { ...intent.base };
      for (const k of Object.keys(fix)) if (!(k in base)) base[k] = synced?.properties[k] ?? null;
      e.intent = { ...intent, base, desired: { ...intent.desired, ...fix } };
    } else if (intent.kind === 'create' && Object.keys(fix).length) {
      e.intent = { ...intent, properties: { ...intent.properties, ...fix } };
    }
    const { lastError: _drop, ...rest } = e;
    await db.outbox.put({ ...rest, status: 'pending' });
    await recomputeOverlay(db, [e.recordKey]);
  });
}

/** Drop an entry for good; its overlay goes with it in the same transaction. */
export async function discardEntry(db: CsDatabase, seq: number): Promise<void> {
  await db.transaction('rw', [db.outbox, db.overlay], async () => {
    const e = await db.outbox.get(seq);
    if (!e) return;
    await db.outbox.delete(seq);
    await recomputeOverlay(db, [e.recordKey]);
  });
}
