import type { Activity, CrmRequest, CrmResult, SyncStatus, SyncTrigger } from '../../shared/sync';

/**
 * The messages between the main thread and the sync worker. The worker cannot reach the
 * host bridge (it lives on the main thread's window), so CRM requests travel to the main
 * thread and their Result comes back under the same id.
 */
export type ToWorker =
  | { type: 'start'; dbName?: string; online: boolean }
  | { type: 'crm:result'; id: number; result: CrmResult }
  | { type: 'trigger'; reason: SyncTrigger }
  | { type: 'online'; online: boolean }
  /** Window in use, battery, types on screen: the coordinator's schedule follows (plain data, cloned). */
  | { type: 'activity'; activity: Activity }
  | { type: 'stop' };

export type FromWorker =
  | { type: 'crm:request'; id: number; request: CrmRequest }
  | { type: 'status'; status: SyncClientStatus };

/** The sync status plus whether this window runs the loop (only one does, by Web Lock). */
export interface SyncClientStatus extends SyncStatus {
  leader: boolean;
}

/** The two ends of a message channel (a Worker, its global scope, or a test's fake). */
export interface Endpoint<In, Out> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}
