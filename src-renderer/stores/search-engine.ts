import { inject, type InjectionKey } from 'vue';
import type { CsDatabase } from '../db';
import { createSearchEngine } from '../search/engine';
import type { FromSearchWorker, ToSearchWorker } from '../search/protocol';

/**
 * Where the search index lives, given to the search store as a dependency (as the health
 * engine is): the app provides `workerSearchEngine` (src-renderer/main.ts: a Web Worker, so
 * indexing half a million engagements never blocks typing); without it (Node tests) the same
 * engine runs in the page. Either way the store speaks the worker's protocol (search/protocol.ts).
 */
export interface SearchEngineHandle {
  post(m: ToSearchWorker): void;
  stop(): void;
}
export type SearchEngineFactory = (db: CsDatabase, onEvent: (e: FromSearchWorker) => void, onError: (e: Error) => void) => SearchEngineHandle;

export const SEARCH_ENGINE_KEY: InjectionKey<SearchEngineFactory> = Symbol('search-engine');

/** The engine in the search Web Worker (search/search.worker.ts), which opens the same database. */
export const workerSearchEngine: SearchEngineFactory = (db, onEvent, onError) => {
  const worker = new Worker(new URL('../search/search.worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('message', (ev: MessageEvent<FromSearchWorker>) => onEvent(ev.data));
  worker.addEventListener('error', (ev) => onError(new Error(ev.message || 'The search worker failed.')));
  worker.postMessage({ type: 'open', dbName: db.name } satisfies ToSearchWorker);
  return { post: (m) => worker.postMessage(m), stop: () => worker.terminate() };
};

/** The engine in this thread (tests, or any host without workers). */
export const inPageSearchEngine: SearchEngineFactory = (db, onEvent) => {
  const engine = createSearchEngine(db, onEvent);
  return {
    post(m) {
      if (m.type === 'query') engine.query(m.requestId, m.text);
    },
    stop: () => engine.stop(),
  };
};

/** The provided engine, else the in-page one. */
export const useSearchEngine = (): SearchEngineFactory => inject(SEARCH_ENGINE_KEY, inPageSearchEngine);
