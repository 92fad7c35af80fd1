import type { CrmPort, StorePort } from './ports';

/**
 * Named places where a test may kill the engine (throw) to prove crash safety
 * (docs/sync-guarantees.md G4, G5, G10).
 */
export type KillPoint = 'push:before-send' | 'push:after-send' | 'push:after-resolve' | 'pull:after-fetch' | 'pull:after-apply';

export interface SyncProgress {
  phase: 'reference' | 'push' | 'bootstrap' | 'backfill' | 'incremental' | 'archived' | 'idle';
  objectType?: string;
  done: number;
  total?: number;
}

export interface SyncTuning {
  /** Re-read this much before the cursor: HubSpot's search index lags writes (§4, §13). */
  overlapMs: number;
  /** Records newer than server-now minus this are left for the next pass, when server time is known. */
  settleMs: number;
  searchPageSize: number;
  listPageSize: number;
  /**
   * A first load gathers list pages up to this many records, then reads their associations
   * (up to 1000 ids per batch read) and commits them as one transaction: fewer requests
   * against the rate limit, and fewer commits for the open screens to re-read.
   */
  bootstrapBatch: number;
}

export const DEFAULT_TUNING: SyncTuning = { overlapMs: 5 * 60_000, settleMs: 30_000, searchPageSize: 200, listPageSize: 100, bootstrapBatch: 1000 };

/** What every step of the sync runs with. */
export interface SyncContext {
  crm: CrmPort;
  store: StorePort;
  tuning: SyncTuning;
  /** Client clock: scheduling and display only, never correctness (G17). */
  now: () => number;
  progress: (p: SyncProgress) => void;
  checkpoint: (point: KillPoint) => void | Promise<void>;
  /** Server time from the last CRM `Date` header, if the port forwards it. */
  serverNow?: () => number | undefined;
}
