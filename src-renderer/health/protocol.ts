import type { HealthResult } from '../../shared/health';
import type { EngineEvent, EngineInput } from './engine';

/** Messages between the health store (UI thread) and the health worker. */
export type ToHealthWorker =
  | { type: 'open'; dbName: string }
  | { type: 'input'; input: EngineInput }
  | { type: 'recomputeAll'; now: number }
  | { type: 'explain'; requestId: number; accountId: string; now: number };

export type FromHealthWorker = EngineEvent | { type: 'explained'; requestId: number; result: HealthResult | null };
