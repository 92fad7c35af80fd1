import Dexie from 'dexie';
import type { StoredEntry } from '../../../shared/sync';
import type { CsDatabase } from '../database';
import type { ConflictRow } from '../rows';

/** Read-only: the edits of one record type that need the user (any tab that shows that type's records). */

/** Outbox entries the CRM rejected for records of this type, newest last. */
export async function rejectedEntries(db: CsDatabase, type: string): Promise<StoredEntry[]> {
  const rows = await db.outbox.where('status').equals('attention').toArray();
  return rows.filter((e) => e.recordKey.startsWith(`${type}:`)).sort((a, b) => a.seq - b.seq);
}

/** Open conflicts of records of this type. */
export function conflictsOfType(db: CsDatabase, type: string): Promise<ConflictRow[]> {
  return db.conflicts.where('[objectType+recordId]').between([type, Dexie.minKey], [type, Dexie.maxKey]).toArray();
}
