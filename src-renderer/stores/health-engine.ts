import { inject, type InjectionKey } from 'vue';
import type { CsDatabase } from '../db';
import { createHealthEngine } from '../health/engine';
import type { FromHealthWorker, ToHealthWorker } from '../health/protocol';

/**
 * Where the health store's computation runs, given to the store as a dependency: the app
 * provides `workerHealthEngine` (src-renderer/main.ts: a Web Worker, so 50,000 accounts never
 * block the UI); without it (Node tests) the same engine runs in the page, a chunk at a time.
 * Either way the store speaks the worker's protocol (health/protocol.ts).
 */
export interface HealthEngineHandle {
  post(m: ToHealthWorker): void;
  stop(): void;
}
export type HealthEngineFactory = (db: CsDatabase, onEvent: (e: FromHealthWorker) => void, onError: (e: Error) => void) => HealthEngineHandle;

export const HEALTH_ENGINE_KEY: InjectionKey<HealthEngineFactory> = Symbol('health-engine');

/** The engine in the health Web Worker (health/health.worker.ts), which opens the same database. */
export const workerHealthEngine: HealthEngineFactory = (db, onEvent, onError) => {
  const worker = new Worker(new URL('../health/health.worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('message', (ev: MessageEvent<FromHealthWorker>) => onEvent(ev.data));
  worker.addEventListener('error', (ev) => onError(new Error(ev.message || 'The health worker failed.')));
  worker.postMessage({ type: 'open', dbName: db.name } satisfies ToHealthWorker);
  return { post: (m) => worker.postMessage(m), stop: () => worker.terminate() };
};

/** The engine in this thread (tests, or any host without workers). */
export const inPageHealthEngine: HealthEngineFactory = (db, onEvent) => {
  const engine = createHealthEngine(db, onEvent);
  return {
    post(m) {
      if (m.type === 'input') engine.setInput(m.input);
      else if (m.type === 'recomputeAll') void engine.recomputeAll(m.now);
      else if (m.type === 'explain') onEvent({ type: 'explained', requestId: m.requestId, result: engine.explain(m.accountId, m.now) });
    },
    stop: () => engine.stop(),
  };
};

/** The provided engine, else the in-page one. */
export const useHealthEngine = (): HealthEngineFactory => inject(HEALTH_ENGINE_KEY, inPageHealthEngine);
