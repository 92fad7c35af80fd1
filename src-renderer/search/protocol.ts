import type { SearchEngineEvent } from './engine';

/** Messages between the search store (UI thread) and the search worker. */
export type ToSearchWorker = { type: 'open'; dbName: string } | { type: 'query'; requestId: number; text: string };

export type FromSearchWorker = SearchEngineEvent;
