import { inject, type InjectionKey } from 'vue';
import { inPageEngine, workerEngine, type EngineFactory, type EngineHandle } from '../lib/worker-engine';
import { searchEngine, type FromSearchWorker, type ToSearchWorker } from '../search/protocol';

/**
 * Where the search index lives (lib/worker-engine.ts): the app provides `workerSearchEngine`
 * (src-renderer/main.ts), so indexing half a million engagements never blocks typing; without
 * it (Node tests) the same engine runs in the page.
 */
export type SearchEngineHandle = EngineHandle<ToSearchWorker>;
export type SearchEngineFactory = EngineFactory<ToSearchWorker, FromSearchWorker>;

export const SEARCH_ENGINE_KEY: InjectionKey<SearchEngineFactory> = Symbol('search-engine');

/** The engine in the search Web Worker (search/search.worker.ts), which opens the same database. */
export const workerSearchEngine: SearchEngineFactory = workerEngine(
  () => new Worker(new URL('../search/search.worker.ts', import.meta.url), { type: 'module' }),
  'search',
);

/** The engine in this thread (tests, or any host without workers). */
export const inPageSearchEngine: SearchEngineFactory = inPageEngine(searchEngine);

/** The provided engine, else the in-page one. */
export const useSearchEngine = (): SearchEngineFactory => inject(SEARCH_ENGINE_KEY, inPageSearchEngine);
