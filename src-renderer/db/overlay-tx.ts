import { foldOverlay } from '../../shared/sync';
import type { CsDatabase } from './database';

/**
 * Rebuild the overlay of the given records from their outbox rows. Call it inside the
 * transaction that changed the outbox, so the overlay and the intents that justify it can
 * never disagree on disk.
 */
export async function recomputeOverlay(db: CsDatabase, keys: Iterable<string>): Promise<void> {
  for (const key of new Set(keys)) {
    const entries = await db.outbox.where('recordKey').equals(key).toArray();
    const state = foldOverlay(entries);
    const sep = key.indexOf(':');
    if (state) await db.overlay.put({ key, objectType: key.slice(0, sep), recordId: key.slice(sep + 1), ...state });
    else await db.overlay.delete(key);
  }
}
