import type { SyncProgress } from './context';

/** What the sync-status area shows; client-clock times here are for display only. */
export interface SyncStatus {
  online: boolean;
  running: boolean;
  phase: SyncProgress['phase'];
  progress?: { objectType?: string; done: number; total?: number };
  lastSyncedAt: number | null;
  pending: number;
  /** Entries the CRM rejected, waiting for the user ("needs attention"). */
  errors: number;
  conflicts: number;
  lastError?: string;
  /** When the next automatic attempt is due (client clock), if one is scheduled. */
  nextAttemptAt?: number;
}

export type SyncTrigger = 'start' | 'interval' | 'reconnect' | 'resume' | 'now' | 'edit';

export const INITIAL_STATUS: SyncStatus = {
  online: true,
  running: false,
  phase: 'idle',
  lastSyncedAt: null,
  pending: 0,
  errors: 0,
  conflicts: 0,
};
