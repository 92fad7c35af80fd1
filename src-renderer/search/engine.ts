import { SEARCH_TYPES, SearchIndex, type SearchGroup } from '../../shared/search';
import type { CsDatabase } from '../db';
import { watchTouched, type Touched } from '../db/queries/health';
import { pendingCreateDocs, searchDocsPage, touchedSearchDocs, touchesAll } from '../db/queries/search';

/**
 * The offline search, wherever it runs: in the search worker (search.worker.ts, off the UI
 * thread) or, where there is no Worker (Node tests), in the store's thread. It builds the index
 * (shared/search) from the local store a page at a time, then keeps it fresh from Dexie's
 * change events: every committed transaction — a sync page (`applyPage`), a local edit
 * (`applyEdit`: overlay + outbox), an acknowledged push (`resolve`), the archived sweep —
 * reports the keys it wrote, in this window or another (the sync worker's commits arrive over
 * Dexie's BroadcastChannel), and exactly those records are re-read and re-indexed. A cleared
 * table or a range delete rebuilds the index.
 */

export type SearchEngineEvent =
  | { type: 'state'; state: 'building' | 'ready'; count: number }
  | { type: 'results'; requestId: number; query: string; groups: SearchGroup[] }
  | { type: 'error'; message: string };

export interface SearchEngine {
  query(requestId: number, text: string): void;
  stop(): void;
}

/** Records read per Dexie query while building; the worker yields between pages. */
const PAGE = 5000;
const yieldNow = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createSearchEngine(db: CsDatabase, emit: (e: SearchEngineEvent) => void): SearchEngine {
  let index = new SearchIndex();
  let building = false;
  let generation = 0;
  let queue: Touched[] = [];
  let flushing = false;

  async function build(): Promise<void> {
    const run = ++generation;
    building = true;
    queue = [];
    emit({ type: 'state', state: 'building', count: 0 });
    const next = new SearchIndex();
    // Queries while the first index builds are answered from what is indexed so far.
    if (index.size === 0) index = next;
    try {
      for (const type of SEARCH_TYPES) {
        let after: string | null = '';
        while (after !== null) {
          const page = await searchDocsPage(db, type, after, PAGE);
          if (run !== generation) return;
          next.upsert(page.docs);
          after = page.lastId;
          await yieldNow();
        }
        next.upsert(await pendingCreateDocs(db, type));
      }
      index = next;
      building = false;
      emit({ type: 'state', state: 'ready', count: index.size });
      void flush();
    } catch (e) {
      building = false;
      emit({ type: 'error', message: message(e) });
    }
  }

  /** Applies what Dexie reported since the last flush (changes during a build wait for it). */
  async function flush(): Promise<void> {
    if (flushing || building) return;
    flushing = true;
    try {
      while (queue.length > 0) {
        const batch = queue;
        queue = [];
        if (batch.some(touchesAll)) {
          void build();
          return;
        }
        for (const touched of batch) {
          const { upserts, removals } = await touchedSearchDocs(db, touched);
          index.remove(removals);
          index.upsert(upserts);
        }
        emit({ type: 'state', state: 'ready', count: index.size });
      }
    } catch (e) {
      emit({ type: 'error', message: message(e) });
    } finally {
      flushing = false;
    }
  }

  const stopWatching = watchTouched(db, (t) => {
    queue.push(t);
    void flush();
  });
  void build();

  return {
    query(requestId, text) {
      try {
        emit({ type: 'results', requestId, query: text, groups: index.search(text) });
      } catch (e) {
        emit({ type: 'error', message: message(e) });
      }
    },
    stop() {
      generation++;
      stopWatching();
    },
  };
}
