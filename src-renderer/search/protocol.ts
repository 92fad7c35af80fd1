import type { EngineDef } from '../lib/worker-engine';
import { createSearchEngine, type SearchEngine, type SearchEngineEvent } from './engine';

/** Messages between the search store (UI thread) and the search engine (its worker, or the page). */
export type ToSearchWorker = { type: 'query'; requestId: number; text: string };

export type FromSearchWorker = SearchEngineEvent;

/** How the search engine answers the protocol, in its worker (search.worker.ts) or in the page. */
export const searchEngine: EngineDef<ToSearchWorker, FromSearchWorker, SearchEngine> = {
  create: createSearchEngine,
  receive: (engine, m) => engine.query(m.requestId, m.text),
};
