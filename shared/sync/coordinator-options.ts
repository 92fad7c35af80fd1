import type { KillPoint, SyncProgress, SyncTuning } from './context';
import type { SyncedType } from './object-types';
import type { CrmPort, StorePort } from './ports';
import type { Activity, PollSchedule } from './schedule';
import type { SyncStatus } from './status';

/** How the sync loop (coordinator.ts) is wired and tuned. */

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface CoordinatorOptions {
  crm: CrmPort;
  store: StorePort;
  timers: Timers;
  now?: () => number;
  random?: () => number;
  tuning?: Partial<SyncTuning>;
  types?: readonly SyncedType[];
  /** A fixed interval for every type in every state, instead of the adaptive schedule (tests). */
  intervalMs?: number;
  /** The adaptive schedule's ranges (schedule.ts, DEFAULT_SCHEDULE). */
  schedule?: Partial<PollSchedule>;
  /** What the user is doing until `setActivity` says otherwise (DEFAULT_ACTIVITY: every type about once a minute). */
  activity?: Activity;
  referenceEveryMs?: number;
  sweepEveryMs?: number;
  /**
   * Backoff after the CRM said "not now" (429, 5xx, 401): storm protection for a fleet
   * (docs/sync-guarantees.md G12).
   */
  backoff?: { baseMs: number; maxMs: number };
  /** Retry cadence while the CRM cannot be reached at all; a reconnect cuts it short. */
  networkBackoff?: { baseMs: number; maxMs: number };
  /** Spread reconnect/resume triggers over this window so a fleet does not stampede (G12). */
  wakeJitterMs?: number;
  onProgress?: (p: SyncProgress) => void;
  onStatus?: (s: SyncStatus) => void;
  checkpoint?: (p: KillPoint) => void | Promise<void>;
  serverNow?: () => number | undefined;
}
