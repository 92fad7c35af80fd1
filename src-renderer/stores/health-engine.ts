import { healthEngine, type ToHealthWorker } from '../health/protocol';
import { engineBinding, type EngineHandle } from '../lib/worker-engine';

/**
 * Where the health store's computation runs (lib/worker-engine.ts): the app provides
 * `healthEngines.worker` (src-renderer/main.ts), the engine in the health Web Worker
 * (health/health.worker.ts, which opens the same database), so 50,000 accounts never block the
 * UI; without it (Node tests) the same engine runs in the page, a chunk at a time.
 */
export type HealthEngineHandle = EngineHandle<ToHealthWorker>;

export const healthEngines = engineBinding(
  'health',
  () => new Worker(new URL('../health/health.worker.ts', import.meta.url), { type: 'module' }),
  healthEngine,
);
