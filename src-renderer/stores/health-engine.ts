import { inject, type InjectionKey } from 'vue';
import { healthEngine, type FromHealthWorker, type ToHealthWorker } from '../health/protocol';
import { inPageEngine, workerEngine, type EngineFactory, type EngineHandle } from '../lib/worker-engine';

/**
 * Where the health store's computation runs (lib/worker-engine.ts): the app provides
 * `workerHealthEngine` (src-renderer/main.ts), so 50,000 accounts never block the UI; without
 * it (Node tests) the same engine runs in the page, a chunk at a time.
 */
export type HealthEngineHandle = EngineHandle<ToHealthWorker>;
export type HealthEngineFactory = EngineFactory<ToHealthWorker, FromHealthWorker>;

export const HEALTH_ENGINE_KEY: InjectionKey<HealthEngineFactory> = Symbol('health-engine');

/** The engine in the health Web Worker (health/health.worker.ts), which opens the same database. */
export const workerHealthEngine: HealthEngineFactory = workerEngine(
  () => new Worker(new URL('../health/health.worker.ts', import.meta.url), { type: 'module' }),
  'health',
);

/** The engine in this thread (tests, or any host without workers). */
export const inPageHealthEngine: HealthEngineFactory = inPageEngine(healthEngine);

/** The provided engine, else the in-page one. */
export const useHealthEngine = (): HealthEngineFactory => inject(HEALTH_ENGINE_KEY, inPageHealthEngine);
