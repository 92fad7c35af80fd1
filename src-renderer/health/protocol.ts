import type { HealthResult } from '../../shared/health';
import type { EngineDef } from '../lib/worker-engine';
import { createHealthEngine, type EngineEvent, type EngineInput, type HealthEngine } from './engine';

/** Messages between the health store (UI thread) and the health engine (its worker, or the page). */
export type ToHealthWorker =
  { type: 'input'; input: EngineInput } | { type: 'recomputeAll'; now: number } | { type: 'explain'; requestId: number; accountIds: string[]; now: number };

export type FromHealthWorker = EngineEvent | { type: 'explained'; requestId: number; results: Array<HealthResult | null> };

/** How the health engine answers the protocol, in its worker (health.worker.ts) or in the page. */
export const healthEngine: EngineDef<ToHealthWorker, FromHealthWorker, HealthEngine> = {
  create: createHealthEngine,
  receive(engine, m, post) {
    if (m.type === 'input') engine.setInput(m.input);
    else if (m.type === 'recomputeAll') void engine.recomputeAll(m.now);
    else post({ type: 'explained', requestId: m.requestId, results: m.accountIds.map((id) => engine.explain(id, m.now)) });
  },
};
