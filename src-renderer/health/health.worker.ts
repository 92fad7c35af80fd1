/// <reference lib="webworker" />
import { CsDatabase } from '../db';
import { createHealthEngine, type HealthEngine } from './engine';
import type { FromHealthWorker, ToHealthWorker } from './protocol';

/**
 * The health worker: computes every account's score off the UI thread. It opens the app's
 * Dexie database itself, follows its change events (this window's commits and the sync
 * worker's reach it over Dexie's BroadcastChannel) and posts results back to the store.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromHealthWorker) => scope.postMessage(m);
let engine: HealthEngine | null = null;

scope.addEventListener('message', (ev: MessageEvent<ToHealthWorker>) => {
  const m = ev.data;
  if (m.type === 'open') {
    engine?.stop();
    engine = createHealthEngine(new CsDatabase(m.dbName), post);
  } else if (m.type === 'input') engine?.setInput(m.input);
  else if (m.type === 'recomputeAll') void engine?.recomputeAll(m.now);
  else if (m.type === 'explain') post({ type: 'explained', requestId: m.requestId, result: engine?.explain(m.accountId, m.now) ?? null });
});
