import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach } from 'vitest';
import type { SyncedRecord } from '../../shared/sync';
import { CsDatabase, createDexieStore } from '../../src-renderer/db';

/**
 * A local store on fake IndexedDB per test, closed and deleted after it (call at a file's top).
 * `open(now)` gives the database, the sync's store port over it on a fixed clock, and the
 * cursor of an incremental page pulled then.
 */
export function localDbPerTest(name: string) {
  let db: CsDatabase | undefined;
  afterEach(async () => {
    db?.close();
    if (db) await db.delete();
    db = undefined;
  });
  return {
    open(now: number) {
      db = new CsDatabase(`${name}-${Math.random()}`, { indexedDB, IDBKeyRange });
      return { db, store: createDexieStore(db, () => now), cursor: (objectType: string) => incrementalCursor(objectType, now) };
    },
  };
}

/** A record as the sync pulls it: created the day before `now`, updated at `now`. */
export const syncedRecord = (id: string, properties: Record<string, string>, now: number): SyncedRecord => ({
  id,
  properties,
  createdAt: new Date(now - 86_400_000).toISOString(),
  updatedAt: new Date(now).toISOString(),
  archived: false,
});

/** The cursor of an incremental page pulled at `now`. */
export const incrementalCursor = (objectType: string, now: number) => ({ objectType, mode: 'incremental' as const, valueMs: now });
