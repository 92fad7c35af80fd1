/// <reference lib="webworker" />
import { CsDatabase } from '../db';
import { createSearchEngine, type SearchEngine } from './engine';
import type { FromSearchWorker, ToSearchWorker } from './protocol';

/**
 * The search worker: holds the full-text index of the local store off the UI thread. It opens
 * the app's Dexie database itself and follows its change events (engine.ts).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromSearchWorker) => scope.postMessage(m);
let engine: SearchEngine | null = null;

scope.addEventListener('message', (ev: MessageEvent<ToSearchWorker>) => {
  const m = ev.data;
  if (m.type === 'open') {
    engine?.stop();
    engine = createSearchEngine(new CsDatabase(m.dbName), post);
  } else if (m.type === 'query') engine?.query(m.requestId, m.text);
});
