import { newEntry, type PropValue } from '../../../shared/sync';
import type { CsDatabase } from '../database';
import { recomputeOverlay } from '../overlay-tx';
import type { ConflictRow } from '../rows';

export function listConflicts(db: CsDatabase): Promise<ConflictRow[]> {
  return db.conflicts.toArray();
}

export type ConflictChoice = { keep: 'mine' } | { keep: 'theirs' } | { edit: PropValue };

/**
 * Resolve one conflicting field. "Theirs" just forgets mine. "Mine" and "edit" become a new
 * intent whose base is their value as we hold it now, so the push writes it only if nobody
 * changed the field again in the meantime (else it is a conflict again, never an overwrite).
 */
export async function resolveConflict(db: CsDatabase, key: string, choice: ConflictChoice, now: () => number = () => Date.now()): Promise<void> {
  const conflict = await db.conflicts.get(key);
  if (!conflict) return;
  const table = db.records(conflict.objectType);
  await db.transaction('rw', [db.conflicts, db.outbox, db.overlay, table], async () => {
    const c = await db.conflicts.get(key);
    if (!c) return;
    await db.conflicts.delete(key);
    if ('keep' in choice && choice.keep === 'theirs') return;
    const value = 'edit' in choice ? choice.edit : c.mine;
    const synced = await table.get(c.recordId);
    const theirs = synced?.properties[c.property] ?? c.theirs;
    const entry = newEntry(
      {
        kind: 'update',
        label: 'conflict-resolution',
        objectType: c.objectType,
        recordId: c.recordId,
        base: { [c.property]: theirs },
        desired: { [c.property]: value },
      },
      now(),
    );
    await db.outbox.add(entry);
    await recomputeOverlay(db, [entry.recordKey]);
  });
}
