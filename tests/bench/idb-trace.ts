import type { Page } from '@playwright/test';

/**
 * From the next load on, the page logs every IndexedDB transaction it opens (stores, mode, when
 * it started and completed) and every request made on it, with native event timestamps (the
 * fixtures fake performance.now()). For profiles of one interaction, e.g. a stage drop (P6):
 * `idbTraceSince(page, t0)` reads what happened from t0 on. Pages only: workers are not traced.
 */
export interface TracedTx {
  id: number;
  stores: string[];
  mode: string;
  start: number;
  end?: number;
  /** `store.method` or `store.index.method`, and when it was made. */
  requests: Array<[string, number]>;
}

export async function traceIndexedDb(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const now = () => new Event('t').timeStamp;
    const log: TracedTx[] = [];
    (window as unknown as { __idbTrace: TracedTx[] }).__idbTrace = log;
    const txOf = new WeakMap<IDBTransaction, TracedTx>();
    const open = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof open>) {
      const tx = open.apply(this, args);
      const names = args[0];
      const t: TracedTx = {
        id: log.length,
        stores: typeof names === 'string' ? [names] : [...names],
        mode: String(args[1] ?? 'readonly'),
        start: now(),
        requests: [],
      };
      log.push(t);
      txOf.set(tx, t);
      const end = () => (t.end = now());
      tx.addEventListener('complete', end);
      tx.addEventListener('abort', end);
      return tx;
    } as typeof open;
    const wrap = (proto: object, kind: string, methods: string[]) => {
      for (const m of methods) {
        const orig = (proto as Record<string, unknown>)[m] as ((...a: unknown[]) => unknown) | undefined;
        if (!orig) continue;
        (proto as Record<string, unknown>)[m] = function (this: IDBObjectStore | IDBIndex, ...a: unknown[]) {
          const store = 'objectStore' in this ? this.objectStore : this;
          txOf.get(store.transaction)?.requests.push([`${kind === 'index' ? `${store.name}.${this.name}` : store.name}.${m}`, now()]);
          return orig.apply(this, a);
        };
      }
    };
    const reads = ['get', 'getAll', 'getAllKeys', 'getKey', 'count', 'openCursor', 'openKeyCursor'];
    wrap(IDBObjectStore.prototype, 'store', [...reads, 'put', 'add', 'delete', 'clear']);
    wrap(IDBIndex.prototype, 'index', reads);
  });
}

export function idbTraceSince(page: Page, since: number): Promise<TracedTx[]> {
  return page.evaluate((t0) => (window as unknown as { __idbTrace: TracedTx[] }).__idbTrace.filter((t) => (t.end ?? Infinity) >= t0), since);
}
