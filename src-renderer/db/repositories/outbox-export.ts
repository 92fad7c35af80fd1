import { intentRecordKey, type Intent, type OutboxEntry } from '../../../shared/sync';
import type { CsDatabase } from '../database';
import { recomputeOverlay } from '../overlay-tx';

/** The file format of an exported outbox; versioned so an older export stays importable. */
export interface OutboxExport {
  format: 'cs-workspace-outbox';
  version: 1;
  exportedAt: number;
  entries: Array<Pick<OutboxEntry, 'intent' | 'status' | 'attempts' | 'createdAt' | 'lastError' | 'sentAfterMs'>>;
}

/**
 * Before any reset of the local database the outbox is written out (G2): intents, their
 * order, and how far each got (attempts and send marks keep creates and updates idempotent
 * across the reset).
 */
export async function exportOutbox(db: CsDatabase, now: () => number = () => Date.now()): Promise<OutboxExport> {
  const rows = await db.outbox.orderBy('seq').toArray();
  return {
    format: 'cs-workspace-outbox',
    version: 1,
    exportedAt: now(),
    entries: rows.map(({ seq: _seq, recordKey: _key, ...rest }) => rest),
  };
}

/** Re-import after a reset: same order, one transaction, overlay rebuilt. Returns the count. */
export async function importOutbox(db: CsDatabase, data: OutboxExport): Promise<number> {
  if (data.format !== 'cs-workspace-outbox' || data.version !== 1) throw new Error('Not an outbox export this version can read.');
  return db.transaction('rw', [db.outbox, db.overlay], async () => {
    const keys: string[] = [];
    for (const e of data.entries) {
      const recordKey = intentRecordKey(e.intent as Intent);
      await db.outbox.add({ ...e, recordKey });
      keys.push(recordKey);
    }
    await recomputeOverlay(db, keys);
    return data.entries.length;
  });
}
