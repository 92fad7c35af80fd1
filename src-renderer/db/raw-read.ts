import type { CsDatabase } from './database';

/**
 * Reads of one read-only IndexedDB transaction, straight on the browser's API rather than
 * through Dexie's tables: for a query of tens of thousands of small reads, Dexie's per-read
 * promise and its live-query bookkeeping (every range a read covers is recorded, and results
 * are cached) cost more than the reads. Every request is issued at once; IndexedDB answers
 * them in order within the transaction. Reads only, so nothing here bypasses a write path.
 */
export interface RawReader {
  /** Values of a store (or of one of its indexes) in a key range. */
  getAll<T>(table: string, range: IDBKeyRange, index?: string): Promise<T[]>;
  /** Primary keys of a store (or of one of its indexes) in a key range: no value is read. */
  getAllKeys(table: string, range: IDBKeyRange, index?: string): Promise<IDBValidKey[]>;
  /** The rows of these primary keys, undefined where there is none (in the keys' order). */
  bulkGet<T>(table: string, keys: readonly IDBValidKey[]): Promise<Array<T | undefined>>;
}

const answer = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB read failed'));
  });

/** Runs `body` with the reads of one read-only transaction over `tables`. */
export async function rawRead<T>(db: CsDatabase, tables: readonly string[], body: (read: RawReader, range: typeof IDBKeyRange) => Promise<T>): Promise<T> {
  if (!db.isOpen()) await db.open();
  const tx = db.backendDB().transaction([...tables], 'readonly');
  const source = (table: string, index?: string) => (index ? tx.objectStore(table).index(index) : tx.objectStore(table));
  const reader: RawReader = {
    getAll: <R>(table: string, range: IDBKeyRange, index?: string) => answer(source(table, index).getAll(range)) as Promise<R[]>,
    getAllKeys: (table, range, index) => answer(source(table, index).getAllKeys(range)),
    bulkGet: <R>(table: string, keys: readonly IDBValidKey[]) => {
      const store = tx.objectStore(table);
      return Promise.all(keys.map((k) => answer(store.get(k)) as Promise<R | undefined>));
    },
  };
  return body(reader, db.keyRange);
}
