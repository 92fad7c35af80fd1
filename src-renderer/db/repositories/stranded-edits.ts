import type { OutboxExport } from './outbox-export';

/**
 * When the local store will not open with this version's schema — a newer version of the app
 * wrote it, an upgrade failed half way, or its files are damaged — the edits in it are read
 * with plain IndexedDB, at whatever version the store is and without our schema, so they can
 * be saved to a file before the store is deleted. Rows are taken as they are: a file from a
 * newer schema may not import here, but nothing the user typed is thrown away.
 *
 * Null when the store cannot be opened even that way (then nothing can be read).
 */
export async function readStrandedEdits(name: string, factory: IDBFactory = indexedDB, now: () => number = () => Date.now()): Promise<OutboxExport | null> {
  let idb: IDBDatabase;
  try {
    idb = await request(factory.open(name));
  } catch {
    return null;
  }
  try {
    const stores = new Set(Array.from(idb.objectStoreNames));
    const all = async (store: string): Promise<unknown[]> => (stores.has(store) ? request(idb.transaction(store, 'readonly').objectStore(store).getAll()) : []);
    const outbox = (await all('outbox')) as Array<Record<string, unknown>>;
    const conflicts = (await all('conflicts')) as NonNullable<OutboxExport['conflicts']>;
    const source = stores.has('meta')
      ? ((await request(idb.transaction('meta', 'readonly').objectStore('meta').get('crmSource'))) as { value?: OutboxExport['source'] } | undefined)?.value
      : undefined;
    return {
      format: 'cs-workspace-outbox',
      version: 2,
      exportedAt: now(),
      source: source ?? null,
      // In queue order (getAll returns the primary key's order: `seq`), without the local keys.
      entries: outbox.map(({ seq: _seq, recordKey: _key, ...rest }) => rest as unknown as OutboxExport['entries'][number]),
      conflicts,
    };
  } catch {
    return null;
  } finally {
    idb.close();
  }
}

/** Deletes the local store; resolves once it is gone (other tabs holding it are asked to close). */
export function deleteLocalStore(name: string, factory: IDBFactory = indexedDB): Promise<void> {
  return request(factory.deleteDatabase(name)).then(() => undefined);
}

function request<T>(req: IDBRequest<T> | IDBOpenDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
    // Opening without a version never upgrades; a blocked delete waits for other tabs to close it.
  });
}
