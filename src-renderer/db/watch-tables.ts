import Dexie from 'dexie';
import type { CsDatabase } from './database';

/**
 * Calls `onChange` after every committed transaction that wrote one of `tables` (in this window
 * or, forwarded by Dexie, in the sync worker): the coarse signal for a query too big for a live
 * query, or a cache of query results to drop. `tables` is read at each change. Returns the
 * unsubscribe function.
 */
export function watchTables(db: CsDatabase, tables: () => readonly string[], onChange: () => void): () => void {
  const listener = (changed: Record<string, unknown>): void => {
    const parts = new Set(tables().map((t) => `idb://${db.name}/${t}/`));
    if (Object.keys(changed).some((part) => parts.has(part))) onChange();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}
