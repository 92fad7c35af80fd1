import type { CsDatabase } from '../database';

/**
 * Reads and the one destructive write of Connect / Disconnect: how many edits still wait to
 * reach the CRM, and deleting the whole local store when the user disconnects.
 */

/** Edits that have not reached the CRM: every outbox entry (queued, failed or in conflict). */
export function pendingEditCount(db: CsDatabase): Promise<number> {
  return db.outbox.count();
}

/** Deletes the database (records, overlay, outbox, views, settings); nothing of the CRM stays. */
export async function deleteLocalStore(db: CsDatabase): Promise<void> {
  await db.delete();
}
