import { engineBinding, type EngineHandle } from '../lib/worker-engine';
import { searchEngine, type ToSearchWorker } from '../search/protocol';

/**
 * Where the search index lives (lib/worker-engine.ts): the app provides `searchEngines.worker`
 * (src-renderer/main.ts), the engine in the search Web Worker (search/search.worker.ts, which
 * opens the same database), so indexing half a million engagements never blocks typing;
 * without it (Node tests) the same engine runs in the page.
 */
export type SearchEngineHandle = EngineHandle<ToSearchWorker>;

export const searchEngines = engineBinding(
  'search',
  () => new Worker(new URL('../search/search.worker.ts', import.meta.url), { type: 'module' }),
  searchEngine,
);
