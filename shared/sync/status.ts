import type { SyncProgress } from './context';

/** A type the last pass could not sync, and the CRM's reason (e.g. a missing scope). */
export interface TypeRefusal {
  objectType: string;
  message: string;
}

/** What the sync-status area shows; client-clock times here are for display only. */
export interface SyncStatus {
  online: boolean;
  running: boolean;
  phase: SyncProgress['phase'];
  progress?: { objectType?: string; done: number; total?: number };
  /** The end of the last pass in which every type synced; a pass that failed in part leaves it. */
  lastSyncedAt: number | null;
  /** Per type, the end of the last pass in which that type synced. */
  typeSyncedAt?: Record<string, number>;
  /** Types the last pass could not sync (the local data of those is incomplete); absent when all synced. */
  incomplete?: TypeRefusal[];
  lastError?: string;
  /** When the next automatic attempt is due (client clock), if one is scheduled. */
  nextAttemptAt?: number;
  /**
   * The portal's daily API budget is low (under 10 % left, from HubSpot's headers): the sync
   * polls hourly and skips its daily sweeps until it recovers; edits are still sent at once.
   */
  budgetLow?: boolean;
}

export type SyncTrigger = 'start' | 'interval' | 'reconnect' | 'resume' | 'now' | 'edit';

export const INITIAL_STATUS: SyncStatus = {
  online: true,
  running: false,
  phase: 'idle',
  lastSyncedAt: null,
};

/** What a finished pass reports to the status (RunReport in sync-pass.ts). */
export interface PassOutcome {
  /** Types pulled in full this pass. */
  synced?: readonly string[];
  refused?: readonly TypeRefusal[];
  /**
   * The types this pass tried (the schedule pulls some types more often than others);
   * absent = every type. A refusal of a type the pass did not try still stands.
   */
  covered?: readonly string[];
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Companies could not be synced: <CRM message>", one sentence per refused type. */
export function describeRefusals(refused: readonly TypeRefusal[]): string {
  return refused.map((r) => `${capitalized(r.objectType)} could not be synced: ${r.message}`).join('; ');
}

/**
 * The status after a pass that ran to its end. Only a pass in which every type synced moves
 * `lastSyncedAt`; otherwise the status names the types that did not and why, so the screens
 * never say "Last synced" over data that is missing a type.
 */
export function statusAfterPass(prev: SyncStatus, outcome: PassOutcome, at: number): SyncStatus {
  const { lastError: _e, incomplete: _i, ...rest } = prev;
  const typeSyncedAt = { ...prev.typeSyncedAt };
  for (const type of outcome.synced ?? []) typeSyncedAt[type] = at;
  const covered = outcome.covered ? new Set(outcome.covered) : null;
  const standing = covered ? (prev.incomplete ?? []).filter((r) => !covered.has(r.objectType)) : [];
  const refused = [...standing, ...(outcome.refused ?? [])];
  if (!refused.length) return { ...rest, typeSyncedAt, lastSyncedAt: at };
  return { ...rest, typeSyncedAt, incomplete: [...refused], lastError: describeRefusals(refused) };
}
